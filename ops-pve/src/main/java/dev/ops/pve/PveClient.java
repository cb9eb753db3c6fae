package dev.ops.pve;

import dev.ops.core.Ops;
import dev.ops.core.change.Targets;
import dev.ops.core.error.Violations;
import dev.ops.core.secret.Secret;
import dev.ops.pve.cluster.Cluster;
import dev.ops.pve.cluster.PveVersion;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.ha.Ha;
import dev.ops.pve.internal.Auth;
import dev.ops.pve.internal.BaseUrl;
import dev.ops.pve.internal.ClientChecks;
import dev.ops.pve.internal.Handles;
import dev.ops.pve.internal.Tls;
import dev.ops.pve.internal.Transport;
import dev.ops.pve.internal.TransportConfig;
import dev.ops.pve.node.Node;
import dev.ops.pve.node.NodeSummary;
import dev.ops.pve.preflight.Preflight;
import dev.ops.pve.task.PollPolicy;
import dev.ops.pve.task.TimeSource;
import dev.ops.pve.vmid.VmidAllocator;
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
 * A Proxmox VE API client: immutable, thread-safe and meant to be shared.
 *
 * <pre>{@code
 * PveClient client = PveClient.builder()
 *         .baseUrl("https://pve:8006")
 *         .apiToken("root@pam", "ops", Secret.of("..."))
 *         .pinnedCertificate("AB:CD:...")
 *         .build();
 * GuestConfig cfg = client.node("pve-01").qemu().vm(101).config();            // reads: handles
 * Guest template = client.node("pve-01").qemu().vm(9000);
 * Applied<Guest> web = client.guests(ops).clone(template, c -> c.name("web-1").full(true)).apply(); // changes
 * }</pre>
 *
 * <p>Handles ({@link #node}, {@link #cluster}, {@link #ha}, {@link #pools}) only read; everything
 * that changes the cluster is a {@link dev.ops.core.change.Change} of {@link #guests(Ops)}, with plan,
 * journal and rollback. {@link #api()} is the raw way out. The client registers itself in
 * {@link Targets} under {@link #name()}, so that a journaled step can be undone by a fresh JVM given
 * a client of the same name ({@link #targets(Ops)}).
 */
public final class PveClient implements AutoCloseable {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@\\-]*");

    private final Builder settings;
    private final String name;
    private final Transport transport;
    private final PveApi api;
    /** How long a shared heavy-task slot may stay without a recorded task before others take it over. */
    static final Duration SHARED_SLOT_GRACE = Duration.ofMinutes(2);
    private final Map<String, LocalHeavySlots> heavySlots = new ConcurrentHashMap<>();
    private final Map<String, SharedHeavySlots> sharedHeavySlots = new ConcurrentHashMap<>();

    private PveClient(Builder b, String name, TransportConfig cfg) {
        this.settings = b.copy();
        this.name = name;
        this.transport = new Transport(cfg);
        this.api = new PveApi(this, transport, cfg.retry());
    }

    /** A builder; give it at least a base URL, credentials and how to trust the server. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this client's settings, to build a variant (the variant has its own connections and ticket). */
    public Builder newBuilder() {
        return settings.copy();
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
    public java.util.Optional<LoginInfo> login() {
        return transport.login();
    }

    /** The cluster's storage replication: jobs and what each node reports of them. */
    public dev.ops.pve.replication.Replication replication() {
        return dev.ops.pve.replication.Replication.of(this);
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
    public PveApi api() {
        return api;
    }

    /** {@code GET /version}. */
    public PveVersion version() {
        return PveVersion.from(api.get("/version"));
    }

    /** The cluster: status, resources, next free VMID, HA. */
    public Cluster cluster() {
        return Handles.make(Cluster.class, this);
    }

    /** HA resources ({@code /cluster/ha/resources}). */
    public Ha ha() {
        return Handles.make(Ha.class, this);
    }

    /** The cluster's resource pools. */
    public dev.ops.pve.pool.Pools pools() {
        return Handles.make(dev.ops.pve.pool.Pools.class, this);
    }

    /** {@code GET /nodes}. */
    public List<NodeSummary> nodes() {
        return api.list("/nodes", Map.of(), NodeSummary.class);
    }

    /** The node of that name (validated as a node name; not checked to exist until used). */
    public Node node(String node) {
        return Handles.make(Node.class, this, node);
    }

    /** Finds the guest with that VMID, whichever node it is on ({@code /cluster/resources}; may lag a few seconds behind). */
    public Optional<Guest> findGuest(int vmid) {
        return cluster().resources(dev.ops.pve.cluster.ResourceType.VM).stream()
                .filter(r -> r.vmid().isPresent() && r.vmid().getAsInt() == vmid)
                .findFirst()
                .map(r -> node(r.node().orElseThrow()).guest(r.guestType().orElseThrow(), vmid));
    }

    /**
     * The changes of this cluster's guests, snapshots, backups, HA resources, pools and storages
     * (plan, apply, rollback), journaled in {@code ops}: {@code client.guests(ops).clone(template, r -> r.name("web-01"))}.
     */
    public PveChanges guests(Ops ops) {
        return new PveChanges(this, java.util.Objects.requireNonNull(ops, "ops"));
    }

    /** The same as {@link #guests(Ops)}: every change of this cluster, journaled in {@code ops}. */
    public PveChanges changes(Ops ops) {
        return guests(ops);
    }

    /** VMIDs reserved by changes, never handed out twice across threads and processes sharing {@code ops}'s store. */
    public VmidAllocator vmids(Ops ops) {
        return VmidAllocator.of(this, ops);
    }

    /** A preflight check ("runway"): credentials, reachability, nodes, storages and privileges, all problems at once. */
    public Preflight preflight() {
        return Handles.make(Preflight.class, this);
    }

    /** Targets holding this client under its name, for journal recovery and rollback in a fresh JVM. */
    public Targets targets() {
        return Targets.none().with(name, this);
    }

    /**
     * {@link #targets()} plus the VMID reservations in {@code ops}'s store, so that recovering or rolling
     * back a clone or create in a fresh JVM also releases the VMID it took (else the reservation expires
     * after an hour).
     */
    public Targets targets(Ops ops) {
        return targets().with(dev.ops.pve.vmid.internal.VmidClaims.targetName(this),
                new dev.ops.pve.vmid.internal.VmidClaims(this, ops.store()));
    }

    /** The time source used for waiting and retries. */
    public TimeSource timeSource() {
        return transport.config().time();
    }

    /** The listeners told of this client's calls and task waits, in the order they were added. */
    public List<PveListener> listeners() {
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
        return "PveClient[" + name + ", " + apiBase() + ", " + user() + "]";
    }

    /** Builds a {@link PveClient}; every problem with the settings is reported at once by {@link #build()}. */
    public static final class Builder {
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
        private final List<PveListener> listeners = new ArrayList<>();
        private dev.ops.pve.internal.Dialect dialect = dev.ops.pve.internal.Dialect.PVE;

        Builder() {}

        Builder copy() {
            Builder b = new Builder();
            b.baseUrl = baseUrl;
            b.name = name;
            b.auth = auth;
            b.tokenProblem = tokenProblem;
            b.totp = totp;
            b.anchors.addAll(anchors);
            b.pins.addAll(pins);
            b.trustManager = trustManager;
            b.tlsProblems.addAll(tlsProblems);
            b.verifyHostname = verifyHostname;
            b.tlsSettings.addAll(tlsSettings);
            b.plainHttpToLoopback = plainHttpToLoopback;
            b.connectTimeout = connectTimeout;
            b.readTimeout = readTimeout;
            b.writeTimeout = writeTimeout;
            b.callTimeout = callTimeout;
            b.retry = retry;
            b.pollPolicy = pollPolicy;
            b.time = time;
            b.taskDeadline = taskDeadline;
            b.ticketRenewAfter = ticketRenewAfter;
            b.maxAnswerBytes = maxAnswerBytes;
            b.maxHeavyPerNode = maxHeavyPerNode;
            b.heavySlotStore = heavySlotStore;
            b.listeners.addAll(listeners);
            b.dialect = dialect;
            return b;
        }

        /**
         * The server, e.g. {@code https://pve:8006}; port 8006 when none is given, {@code /api2/json} added.
         * It must use {@code https}: the client always sends a credential (token, password or ticket). Plain
         * {@code http} is refused unless {@link #allowPlainHttpToLoopback()} was called and the host is loopback.
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * Allows a plain {@code http://} base URL, and only one whose host is loopback ({@code localhost},
         * {@code 127.0.0.0/8}, {@code ::1}; {@code localhost} is then only ever connected to at a loopback
         * address): the token, password and ticket cross no network, only this machine. Meant for a test
         * server; a base URL to any other host stays refused, and no TLS setting may be given with it.
         */
        public Builder allowPlainHttpToLoopback() {
            this.plainHttpToLoopback = true;
            return this;
        }

        /** The endpoint name journals and {@link Targets} know this client by (default {@code host:port}). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Authenticates with the API token {@code user!tokenId} (e.g. {@code root@pam}, {@code ops}). */
        public Builder apiToken(String user, String tokenId, Secret secret) {
            this.auth = new Auth.Token(user, tokenId, secret);
            this.tokenProblem = null;
            return this;
        }

        /** Authenticates with the API token given in full as {@code user@realm!tokenid}. */
        public Builder apiToken(String fullTokenId, Secret secret) {
            int bang = fullTokenId == null ? -1 : fullTokenId.indexOf('!');
            if (bang < 0) {
                this.auth = null;
                this.tokenProblem = "'" + fullTokenId + "' is not a token id of the form user@realm!tokenid";
                return this;
            }
            return apiToken(fullTokenId.substring(0, bang), fullTokenId.substring(bang + 1), secret);
        }

        /** Authenticates with user and password ({@code root@pam}); the ticket is renewed before it expires. */
        public Builder login(String user, Secret password) {
            this.auth = new Auth.Password(user, password, null);
            this.tokenProblem = null;
            return this;
        }

        /** Gives the current TOTP code when the user has a second factor (asked at each login). */
        public Builder totp(Supplier<String> currentCode) {
            this.totp = currentCode;
            return this;
        }

        /** Trusts the JDK's default CAs (the default when nothing else is given). */
        public Builder trustSystemCertificates() {
            tlsSettings.add("trustSystemCertificates");
            anchors.clear();
            pins.clear();
            trustManager = null;
            return this;
        }

        /** Trusts certificates signed by {@code ca} (or {@code ca} itself, e.g. a self-signed server certificate). */
        public Builder trustCertificate(X509Certificate ca) {
            anchors.add(Objects.requireNonNull(ca, "ca"));
            tlsSettings.add("trustCertificate");
            return this;
        }

        /** Trusts the PEM certificate(s) given (e.g. the cluster's {@code pve-root-ca.pem}). */
        public Builder trustCertificatePem(String pem) {
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
            return this;
        }

        /** Trusts what this trust manager trusts (e.g. one built from a test server's certificate). */
        public Builder trustManager(javax.net.ssl.X509TrustManager manager) {
            this.trustManager = Objects.requireNonNull(manager, "manager");
            tlsSettings.add("trustManager");
            return this;
        }

        /** Whether a CA-trusted certificate must name the host (default true; pinned certificates are never name-checked). */
        public Builder verifyHostname(boolean verify) {
            this.verifyHostname = verify;
            tlsSettings.add("verifyHostname");
            return this;
        }

        /** Trusts exactly the certificate with this SHA-256 fingerprint ({@code AB:CD:...}, as Proxmox shows it). */
        public Builder pinnedCertificate(String sha256Fingerprint) {
            pins.add(sha256Fingerprint);
            tlsSettings.add("pinnedCertificate");
            return this;
        }

        /** How long to wait for the TCP connection to open (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * How long any one read may wait for bytes from the server, TLS handshake included (default 30 s);
         * waiting for tasks has its own deadline.
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /** How long any one write of a request may wait for the server to take bytes (default 30 s). */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = timeout;
            return this;
        }

        /**
         * How long one call may take in all: connecting, the TLS handshake, sending the request and reading
         * the whole answer (default 2 minutes). Uploads are bounded by the write and read timeouts only, as
         * their length follows the file's size. Each retry is a call of its own.
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        /** Which failed calls are retried and how (default {@link RetryPolicy#defaults()}). */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retry = policy;
            return this;
        }

        /** How task status is polled (default {@link dev.ops.pve.task.PollPolicy#defaults()}). */
        /** Adds a listener told of every API call and task wait of the built client ({@link PveListener}). */
        public Builder listener(PveListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public Builder pollPolicy(PollPolicy policy) {
            this.pollPolicy = policy;
            return this;
        }

        /** The clock and sleeper for retries and task waits (tests inject one that does not sleep). */
        public Builder timeSource(TimeSource time) {
            this.time = time;
            return this;
        }

        /** How long changes wait for the tasks they start (default 30 minutes). */
        public Builder defaultTaskDeadline(Duration deadline) {
            this.taskDeadline = deadline;
            return this;
        }

        /**
         * The largest answer the client reads (default 256 MiB): a larger one, whether its
         * {@code Content-Length} says so or it only turns out so while it is read, fails the call with
         * a typed error naming the limit, instead of filling the heap.
         */
        public Builder maxAnswerBytes(long bytes) {
            Violations.of(dialect.product() + " client").check(bytes >= 1024, "maxAnswerBytes", bytes + " is below 1024 bytes").throwIfAny();
            this.maxAnswerBytes = bytes;
            return this;
        }

        /** How old a login ticket may get before it is renewed (default 90 minutes; Proxmox tickets last 2 hours). */
        public Builder ticketRenewAfter(Duration age) {
            this.ticketRenewAfter = age;
            return this;
        }

        /** How many heavy tasks (clone, create, restore, migrate, backup) this client runs at once per node (default 4). */
        public Builder maxHeavyTasksPerNode(int max) {
            this.maxHeavyPerNode = max;
            return this;
        }

        /**
         * Shares the per-node heavy-task limit through {@code store} with every client that uses the same
         * store and client {@link #name}, in this process or others (a {@code FileStateStore} on one
         * machine, a {@code JdbcStateStore} across machines). Without it the limit holds per client.
         */
        public Builder sharedHeavyTaskSlots(dev.ops.core.store.StateStore store) {
            this.heavySlotStore = java.util.Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Which Proxmox product the client speaks to (default Proxmox VE): how it sends a token and which
         * cookie holds its ticket. For modules built on this transport (ops-pbs), not for applications.
         */
        public Builder dialect(dev.ops.pve.internal.Dialect dialect) {
            this.dialect = java.util.Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /** Checks every setting, reporting all problems at once, and builds the client. */
        public PveClient build() {
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
            return new PveClient(this, finalName, cfg);
        }
    }
}
