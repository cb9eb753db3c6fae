package dev.ops.proxmox;

import dev.ops.core.change.Targets;
import dev.ops.core.error.Violations;
import dev.ops.core.secret.Secret;
import dev.ops.proxmox.internal.Auth;
import dev.ops.proxmox.internal.BaseUrl;
import dev.ops.proxmox.internal.ClientChecks;
import dev.ops.proxmox.internal.Dialect;
import dev.ops.proxmox.internal.Tls;
import dev.ops.proxmox.internal.Transport;
import dev.ops.proxmox.internal.TransportConfig;
import dev.ops.proxmox.task.PollPolicy;
import dev.ops.proxmox.task.TimeSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What a client of any Proxmox product is: an endpoint known by {@link #name()}, reached through one
 * HTTP transport (API token or ticket in the product's {@link Dialect}, TLS pinning, retries, typed
 * errors), with the untyped {@link #api()} and task waiting. Immutable, thread-safe and meant to be
 * shared. Applications build a product's client, {@code PveClient} or {@code PbsClient}, which adds
 * the product's typed reads and changes; changes and journal steps of either take this type.
 */
public abstract class ProxmoxClient implements AutoCloseable {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@\\-]*");

    private final Settings<?> settings;
    private final String name;
    private final Transport transport;
    private final ProxmoxApi api;
    /** How long a shared heavy-task slot may stay without a recorded task before others take it over. */
    static final Duration SHARED_SLOT_GRACE = Duration.ofMinutes(2);
    private final Map<String, LocalHeavySlots> heavySlots = new ConcurrentHashMap<>();
    private final Map<String, SharedHeavySlots> sharedHeavySlots = new ConcurrentHashMap<>();

    /** A client of the settings {@code built} (checked by {@link Settings#check()}). */
    protected ProxmoxClient(Settings<?> built) {
        Built b = built.check();
        this.settings = b.settings();
        this.name = b.config().name();
        this.transport = new Transport(b.config());
        this.api = new ProxmoxApi(this, transport, b.config().retry());
    }

    /** The endpoint name this client is known by in journals and {@link Targets} (default: {@code host:port}). */
    public String name() {
        return name;
    }

    /** The API base, e.g. {@code https://pve:8006/api2/json}. */
    public String apiBase() {
        return transport.config().apiBase();
    }

    /** The user the client acts as, e.g. {@code root@pam}. */
    public String user() {
        return transport.config().auth().user();
    }

    /**
     * What the login told of this session (user, cluster name, capabilities by area), logging in first
     * when no ticket is held; empty for an API token client, which sends its token with every call.
     */
    public Optional<LoginInfo> login() {
        return transport.login();
    }

    /** Whether the client authenticates with an API token (some calls need a ticket instead). */
    public boolean usesApiToken() {
        return transport.config().auth() instanceof Auth.Token;
    }

    /**
     * The untyped API, the raw way out: for everything the typed reads and changes do not cover.
     * Calls made through it act at once and bypass the change model: no plan, no journal, no
     * rollback, no policy check.
     */
    public ProxmoxApi api() {
        return api;
    }

    /** A handle on the task {@code upid}, with the outcome model every Proxmox product shares. */
    public dev.ops.proxmox.task.ProxmoxTask task(String upid) {
        return dev.ops.proxmox.task.ProxmoxTask.of(this, upid);
    }

    /** Targets holding this client under its name, for journal recovery and rollback in a fresh JVM. */
    public Targets targets() {
        return Targets.none().with(name, this);
    }

    /** The time source used for waiting and retries. */
    public TimeSource timeSource() {
        return transport.config().time();
    }

    /** The listeners told of this client's calls and task waits, in the order they were added. */
    public List<ProxmoxListener> listeners() {
        return transport.config().listeners();
    }

    /** How tasks are polled. */
    public PollPolicy pollPolicy() {
        return settings.pollPolicy;
    }

    /** How long changes wait for the tasks they start. */
    public Duration defaultTaskDeadline() {
        return settings.taskDeadline;
    }

    /** The settings this client was built with, copied into {@code into} (a product builder's {@code newBuilder()}). */
    protected final <B extends Settings<B>> B settingsInto(B into) {
        ((Settings<?>) into).copyFrom(settings);
        return into;
    }

    HeavySlot acquireHeavySlot(String node) {
        if (settings.heavySlotStore != null) {
            return sharedHeavySlots.computeIfAbsent(node, n -> new SharedHeavySlots(this, settings.heavySlotStore, n,
                    settings.maxHeavyPerNode, SHARED_SLOT_GRACE, java.time.Clock.systemUTC())).acquire();
        }
        return heavySlots.computeIfAbsent(node, n -> new LocalHeavySlots(this, n, settings.maxHeavyPerNode)).acquire();
    }

    /** Frees the client's idle connections. */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + ", " + apiBase() + ", " + user() + "]";
    }

    /** The settings checked, and the transport's configuration made of them. */
    private record Built(Settings<?> settings, TransportConfig config) {}

    /**
     * The settings every Proxmox client takes, checked all at once when the product's builder builds:
     * base URL, credentials, trust, timeouts, retries, polling and heavy-task slots.
     *
     * @param <B> the product's builder
     */
    public abstract static class Settings<B extends Settings<B>> {
        private String baseUrl;
        private String name;
        private Auth auth;
        private String tokenProblem;
        private Supplier<String> totp;
        private final List<X509Certificate> anchors = new ArrayList<>();
        private final List<String> pins = new ArrayList<>();
        private javax.net.ssl.X509TrustManager trustManager;
        private final List<String> tlsProblems = new ArrayList<>();
        private boolean verifyHostname = true;
        /** The TLS settings given, by method name: with a plain-HTTP URL they would be ignored, so they are refused. */
        private final java.util.Set<String> tlsSettings = new java.util.LinkedHashSet<>();
        private boolean plainHttpToLoopback;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofMinutes(2);
        private RetryPolicy retry = RetryPolicy.defaults();
        private PollPolicy pollPolicy = PollPolicy.defaults();
        private TimeSource time = TimeSource.system();
        private Duration taskDeadline = Duration.ofMinutes(30);
        private Duration ticketRenewAfter = Duration.ofMinutes(90);
        private long maxAnswerBytes = 256L << 20;
        private int maxHeavyPerNode = 4;
        private dev.ops.core.store.StateStore heavySlotStore;
        private final List<ProxmoxListener> listeners = new ArrayList<>();
        private final Dialect dialect;

        /** Settings for a client of the product {@code dialect} speaks to. */
        protected Settings(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
        }

        /** This builder, as its own type. */
        protected abstract B self();

        private void copyFrom(Settings<?> b) {
            baseUrl = b.baseUrl;
            name = b.name;
            auth = b.auth;
            tokenProblem = b.tokenProblem;
            totp = b.totp;
            anchors.addAll(b.anchors);
            pins.addAll(b.pins);
            trustManager = b.trustManager;
            tlsProblems.addAll(b.tlsProblems);
            verifyHostname = b.verifyHostname;
            tlsSettings.addAll(b.tlsSettings);
            plainHttpToLoopback = b.plainHttpToLoopback;
            connectTimeout = b.connectTimeout;
            readTimeout = b.readTimeout;
            writeTimeout = b.writeTimeout;
            callTimeout = b.callTimeout;
            retry = b.retry;
            pollPolicy = b.pollPolicy;
            time = b.time;
            taskDeadline = b.taskDeadline;
            ticketRenewAfter = b.ticketRenewAfter;
            maxAnswerBytes = b.maxAnswerBytes;
            maxHeavyPerNode = b.maxHeavyPerNode;
            heavySlotStore = b.heavySlotStore;
            listeners.addAll(b.listeners);
        }

        /**
         * The server, e.g. {@code https://pve:8006}; port 8006 when none is given, {@code /api2/json} added.
         * It must use {@code https}: the client always sends a credential (token, password or ticket). Plain
         * {@code http} is refused unless {@link #allowPlainHttpToLoopback()} was called and the host is loopback.
         */
        public B baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return self();
        }

        /**
         * Allows a plain {@code http://} base URL, and only one whose host is loopback ({@code localhost},
         * {@code 127.0.0.0/8}, {@code ::1}; {@code localhost} is then only ever connected to at a loopback
         * address): the token, password and ticket cross no network, only this machine. Meant for a test
         * server; a base URL to any other host stays refused, and no TLS setting may be given with it.
         */
        public B allowPlainHttpToLoopback() {
            this.plainHttpToLoopback = true;
            return self();
        }

        /** The endpoint name journals and {@link Targets} know this client by (default {@code host:port}). */
        public B name(String name) {
            this.name = name;
            return self();
        }

        /** Authenticates with the API token {@code user!tokenId} (e.g. {@code root@pam}, {@code ops}). */
        public B apiToken(String user, String tokenId, Secret secret) {
            this.auth = new Auth.Token(user, tokenId, secret);
            this.tokenProblem = null;
            return self();
        }

        /** Authenticates with the API token given in full as {@code user@realm!tokenid}. */
        public B apiToken(String fullTokenId, Secret secret) {
            int bang = fullTokenId == null ? -1 : fullTokenId.indexOf('!');
            if (bang < 0) {
                this.auth = null;
                this.tokenProblem = "'" + fullTokenId + "' is not a token id of the form user@realm!tokenid";
                return self();
            }
            return apiToken(fullTokenId.substring(0, bang), fullTokenId.substring(bang + 1), secret);
        }

        /** Authenticates with user and password ({@code root@pam}); the ticket is renewed before it expires. */
        public B login(String user, Secret password) {
            this.auth = new Auth.Password(user, password, null);
            this.tokenProblem = null;
            return self();
        }

        /** Gives the current TOTP code when the user has a second factor (asked at each login). */
        public B totp(Supplier<String> currentCode) {
            this.totp = currentCode;
            return self();
        }

        /** Trusts the JDK's default CAs (the default when nothing else is given). */
        public B trustSystemCertificates() {
            tlsSettings.add("trustSystemCertificates");
            anchors.clear();
            pins.clear();
            trustManager = null;
            return self();
        }

        /** Trusts certificates signed by {@code ca} (or {@code ca} itself, e.g. a self-signed server certificate). */
        public B trustCertificate(X509Certificate ca) {
            anchors.add(Objects.requireNonNull(ca, "ca"));
            tlsSettings.add("trustCertificate");
            return self();
        }

        /** Trusts the PEM certificate(s) given (e.g. the cluster's {@code pve-root-ca.pem}). */
        public B trustCertificatePem(String pem) {
            tlsSettings.add("trustCertificatePem");
            try {
                CertificateFactory cf = CertificateFactory.getInstance("X.509");
                var certs = cf.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
                if (certs.isEmpty()) {
                    tlsProblems.add("the PEM text holds no certificate");
                }
                certs.forEach(c -> anchors.add((X509Certificate) c));
            } catch (CertificateException | RuntimeException e) {
                tlsProblems.add("the PEM text is not a certificate: " + e.getMessage());
            }
            return self();
        }

        /** Trusts what this trust manager trusts (e.g. one built from a test server's certificate). */
        public B trustManager(javax.net.ssl.X509TrustManager manager) {
            this.trustManager = Objects.requireNonNull(manager, "manager");
            tlsSettings.add("trustManager");
            return self();
        }

        /** Whether a CA-trusted certificate must name the host (default true; pinned certificates are never name-checked). */
        public B verifyHostname(boolean verify) {
            this.verifyHostname = verify;
            tlsSettings.add("verifyHostname");
            return self();
        }

        /** Trusts exactly the certificate with this SHA-256 fingerprint ({@code AB:CD:...}, as Proxmox shows it). */
        public B pinnedCertificate(String sha256Fingerprint) {
            pins.add(sha256Fingerprint);
            tlsSettings.add("pinnedCertificate");
            return self();
        }

        /** How long to wait for the TCP connection to open (default 10 s). */
        public B connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return self();
        }

        /**
         * How long any one read may wait for bytes from the server, TLS handshake included (default 30 s);
         * waiting for tasks has its own deadline.
         */
        public B readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return self();
        }

        /** How long any one write of a request may wait for the server to take bytes (default 30 s). */
        public B writeTimeout(Duration timeout) {
            this.writeTimeout = timeout;
            return self();
        }

        /**
         * How long one call may take in all: connecting, the TLS handshake, sending the request and reading
         * the whole answer (default 2 minutes). Uploads are bounded by the write and read timeouts only, as
         * their length follows the file's size. Each retry is a call of its own.
         */
        public B callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return self();
        }

        /** Which failed calls are retried and how (default {@link RetryPolicy#defaults()}). */
        public B retryPolicy(RetryPolicy policy) {
            this.retry = policy;
            return self();
        }

        /** Adds a listener told of every API call and task wait of the built client ({@link ProxmoxListener}). */
        public B listener(ProxmoxListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return self();
        }

        /** How task status is polled (default {@link dev.ops.proxmox.task.PollPolicy#defaults()}). */
        public B pollPolicy(PollPolicy policy) {
            this.pollPolicy = policy;
            return self();
        }

        /** The clock and sleeper for retries and task waits (tests inject one that does not sleep). */
        public B timeSource(TimeSource time) {
            this.time = time;
            return self();
        }

        /** How long changes wait for the tasks they start (default 30 minutes). */
        public B defaultTaskDeadline(Duration deadline) {
            this.taskDeadline = deadline;
            return self();
        }

        /**
         * The largest answer the client reads (default 256 MiB): a larger one, whether its
         * {@code Content-Length} says so or it only turns out so while it is read, fails the call with
         * a typed error naming the limit, instead of filling the heap.
         */
        public B maxAnswerBytes(long bytes) {
            Violations.of(dialect.product() + " client").check(bytes >= 1024, "maxAnswerBytes", bytes + " is below 1024 bytes").throwIfAny();
            this.maxAnswerBytes = bytes;
            return self();
        }

        /** How old a login ticket may get before it is renewed (default 90 minutes; Proxmox tickets last 2 hours). */
        public B ticketRenewAfter(Duration age) {
            this.ticketRenewAfter = age;
            return self();
        }

        /** How many heavy tasks (clone, create, restore, migrate, backup) this client runs at once per node (default 4). */
        public B maxHeavyTasksPerNode(int max) {
            this.maxHeavyPerNode = max;
            return self();
        }

        /**
         * Shares the per-node heavy-task limit through {@code store} with every client that uses the same
         * store and client {@link #name}, in this process or others (a {@code FileStateStore} on one
         * machine, a {@code JdbcStateStore} across machines). Without it the limit holds per client.
         */
        public B sharedHeavyTaskSlots(dev.ops.core.store.StateStore store) {
            this.heavySlotStore = java.util.Objects.requireNonNull(store, "store");
            return self();
        }

        /** Checks every setting, reporting all problems at once; what a product client's constructor builds on. */
        private Built check() {
            Violations v = Violations.of(dialect.product() + " client");
            Optional<BaseUrl> url = BaseUrl.parse(baseUrl, v);
            String apiBase = url.map(BaseUrl::apiBase).orElse(null);
            String defaultName = url.map(BaseUrl::defaultName).orElse(null);
            url.filter(BaseUrl::plainHttp).ifPresent(u -> ClientChecks.plainHttp(v, u, plainHttpToLoopback, tlsSettings));
            String finalName = name != null ? name : defaultName;
            if (name != null && !NAME.matcher(name).matches()) {
                v.add("name", "'" + name + "' must be letters, digits and . _ : @ -");
            }
            Auth finalAuth = ClientChecks.credentials(v, auth, tokenProblem, totp);
            tlsProblems.forEach(p -> v.add("trust", p));
            List<String> normalizedPins = new ArrayList<>();
            pins.forEach(p -> normalizedPins.add(Tls.normalizeFingerprint(p, v)));
            int trustChoices = (anchors.isEmpty() ? 0 : 1) + (pins.isEmpty() ? 0 : 1) + (trustManager == null ? 0 : 1);
            if (trustChoices > 1) {
                v.add("trust", "give one of CA certificates, pinned fingerprints or a trust manager, not several");
            }
            ClientChecks.timeout(v, connectTimeout, "connectTimeout");
            ClientChecks.timeout(v, readTimeout, "readTimeout");
            ClientChecks.timeout(v, writeTimeout, "writeTimeout");
            ClientChecks.timeout(v, callTimeout, "callTimeout");
            ClientChecks.positive(v, taskDeadline, "defaultTaskDeadline");
            ClientChecks.positive(v, ticketRenewAfter, "ticketRenewAfter");
            if (ticketRenewAfter != null && ticketRenewAfter.compareTo(Duration.ofHours(2)) >= 0) {
                v.add("ticketRenewAfter", "must be under 2 hours, the lifetime of a Proxmox ticket");
            }
            v.check(retry != null, "retryPolicy", "must not be null");
            v.check(pollPolicy != null, "pollPolicy", "must not be null");
            v.check(time != null, "timeSource", "must not be null");
            v.check(maxHeavyPerNode >= 1, "maxHeavyTasksPerNode", "must be at least 1");
            v.throwIfAny();
            Tls.Trust trust = trustManager != null ? new Tls.ManagerTrust(trustManager, verifyHostname)
                    : !pins.isEmpty() ? new Tls.PinnedTrust(normalizedPins)
                    : !anchors.isEmpty() ? new Tls.CaTrust(List.copyOf(anchors), verifyHostname) : new Tls.SystemTrust();
            TransportConfig cfg = new TransportConfig(finalName, apiBase, finalAuth, trust,
                    new TransportConfig.Timeouts(connectTimeout, readTimeout, writeTimeout, callTimeout), retry, time, ticketRenewAfter,
                    List.copyOf(listeners), maxAnswerBytes, dialect);
            Settings<?> copy = new Copy(dialect);
            copy.copyFrom(this);
            return new Built(copy, cfg);
        }
    }

    /** A frozen copy of a client's settings. */
    private static final class Copy extends Settings<Copy> {
        Copy(Dialect dialect) {
            super(dialect);
        }

        @Override
        protected Copy self() {
            return this;
        }
    }
}
