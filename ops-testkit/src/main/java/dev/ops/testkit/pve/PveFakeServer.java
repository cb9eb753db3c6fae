package dev.ops.testkit.pve;

import dev.ops.testkit.purity.PlanPurity;
import dev.ops.testkit.pve.internal.ApiSchema;
import dev.ops.testkit.pve.internal.Auth;
import dev.ops.testkit.pve.internal.Cluster;
import dev.ops.testkit.pve.internal.Guest;
import dev.ops.testkit.pve.internal.Handlers;
import dev.ops.testkit.pve.internal.LoopbackHttps;
import dev.ops.testkit.pve.internal.PveDispatcher;
import dev.ops.testkit.pve.internal.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import okhttp3.tls.HandshakeCertificates;

/**
 * A fake Proxmox VE API server for tests: HTTPS on 127.0.0.1 with a fresh self-signed certificate,
 * every request checked against the real PVE 9.1 API schema, and a stateful cluster behind it
 * (guests, configs with digests, snapshots, storages, tasks with UPIDs, locks, tokens, tickets, CSRF).
 *
 * <pre>{@code
 * try (PveFakeServer pve = PveFakeServer.builder()
 *         .node("pve-01").node("pve-02")
 *         .storage("local", "iso,vztmpl,backup").storage("local-lvm", "images,rootdir")
 *         .vm(100, "pve-01", vm -> vm.name("web").set("memory", "2048").set("scsi0", "local-lvm:32").running())
 *         .token("root@pam", "ops", "secret")
 *         .start()) {
 *     URI api = pve.apiUri();                      // https://127.0.0.1:PORT/api2/json
 *     String pin = pve.fingerprint();              // AA:BB:... (SHA-256, as Proxmox shows it)
 *     String auth = pve.token().authorizationHeader();
 * }
 * }</pre>
 *
 * <p>Requests the real API would refuse (unknown path or method, missing or malformed parameter) are
 * answered like PVE (501 / 400 with {@code errors}) and recorded as {@link SchemaViolation}s. In strict
 * mode (the default) {@link #close()} throws an {@link AssertionError} listing them, so the test that
 * sent them fails even when it swallowed the error answer.
 */
public final class PveFakeServer implements AutoCloseable {

    private final LoopbackHttps https;
    private final String fingerprint;
    private final Cluster cluster;
    private final Auth auth;
    private final PveDispatcher dispatcher;
    private final List<PveApiToken> tokens = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<PveUser> users = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** What the server was built with: {@link #reset()} goes back to it. */
    private final Builder seeded;
    private final boolean strict;
    private boolean closed;

    private PveFakeServer(Builder b) throws IOException {
        ApiSchema schema = ApiSchema.forMajor(b.pveMajor);
        this.strict = b.strict;
        this.https = LoopbackHttps.certified(b.nodes.isEmpty() ? "pve" : b.nodes.iterator().next());
        this.fingerprint = https.fingerprint();
        this.cluster = new Cluster(b.clock, b.taskDuration, b.clusterName);
        cluster.pveVersion = b.pveMajor == 8 ? "8.4.18" : "9.1.9";
        this.auth = new Auth(b.clock);
        this.seeded = Seeding.copyOf(b);
        try {
            seed(seeded, true);
        } catch (dev.ops.testkit.pve.internal.ApiError | IllegalArgumentException e) {
            cluster.shutdown();
            throw e instanceof IllegalArgumentException iae ? iae : new IllegalArgumentException("invalid seed: " + e.getMessage(), e);
        }
        Handlers handlers = new Handlers(cluster, auth, schema, fingerprint);
        this.dispatcher = new PveDispatcher(schema, cluster, auth, handlers);
        dispatcher.compression(b.compression);
        https.start(b.port, dispatcher);
        // Every plan made while this server lives is checked to have sent it no writes.
        PlanPurity.watch(this, dispatcher::writes);
    }

    /**
     * Lets this server's node, when it is in no cluster ({@code clusterName("")}), join {@code cluster}
     * through {@code POST /cluster/config/join}, as if the network reached it: the join checks
     * {@code root@pam}'s password and the certificate fingerprint there, and on success both list the node.
     */
    public PveFakeServer joinableInto(PveFakeServer cluster) {
        this.cluster.joinPeer = new dev.ops.testkit.pve.internal.JoinPeer(cluster.cluster, cluster.auth);
        return this;
    }

    /** Seeds the cluster; the initial seed also brings the default node and storages when none were given. */
    private void seed(Builder b, boolean initial) {
        Seeding.apply(cluster, auth, b, initial);
        tokens.addAll(b.tokens);
        users.addAll(b.users);
    }

    /** A builder for a server with a seeded cluster. */
    public static Builder builder() {
        return new Builder();
    }

    /** The root of the server, e.g. {@code https://127.0.0.1:34567}. */
    public URI baseUri() {
        return URI.create("https://127.0.0.1:" + https.port());
    }

    /** The API root, {@code https://127.0.0.1:PORT/api2/json}. */
    public URI apiUri() {
        return URI.create(baseUri() + PveDispatcher.PREFIX);
    }

    /** The host the server listens on, always {@code 127.0.0.1}. */
    public String host() {
        return "127.0.0.1";
    }

    /** The TCP port. */
    public int port() {
        return https.port();
    }

    /** The server's self-signed certificate (trust it, or pin {@link #fingerprint()}). */
    public X509Certificate certificate() {
        return https.certificate();
    }

    /** A TLS context that trusts this server's certificate and nothing else, for HTTP clients of your own. */
    public javax.net.ssl.SSLContext clientSslContext() {
        return new HandshakeCertificates.Builder().addTrustedCertificate(certificate()).build().sslContext();
    }

    /** The certificate's SHA-256 fingerprint as Proxmox shows it: upper-case hex pairs joined by colons. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The tokens the server accepts, in the order they were added. */
    public List<PveApiToken> tokens() {
        return tokens;
    }

    /** The first token added. */
    public PveApiToken token() {
        if (tokens.isEmpty()) {
            throw new IllegalStateException("no token was configured: use builder().token(...)");
        }
        return tokens.get(0);
    }

    /** The users that may log in at {@code POST /access/ticket}. */
    public List<PveUser> users() {
        return users;
    }

    /** The TOTP code a user's authenticator app would show now (on the server's clock). */
    public String totpCode(String userid) {
        PveUser u = users.stream().filter(x -> x.userid().equals(userid)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such user: " + userid));
        return auth.totpNow(u.totpSecret().orElseThrow(() -> new IllegalArgumentException(userid + " has no TOTP")));
    }

    /** Every schema violation seen so far, oldest first. */
    public List<SchemaViolation> violations() {
        return dispatcher.violations();
    }

    /** Forgets the violations seen so far (for tests that provoke them on purpose). */
    public void clearViolations() {
        dispatcher.clearViolations();
    }

    /** Throws an {@link AssertionError} listing every schema violation seen so far. */
    public void assertNoSchemaViolations() {
        List<SchemaViolation> v = violations();
        if (!v.isEmpty()) {
            throw new AssertionError(v.size() + " request(s) violated the Proxmox VE API schema:\n  "
                    + v.stream().map(SchemaViolation::toString).collect(Collectors.joining("\n  ")));
        }
    }

    /** The requests received so far, oldest first (the most recent 100,000). */
    public List<RecordedCall> requests() {
        return dispatcher.calls();
    }

    /** Changes how long tasks started from now on run before they end. */
    public PveFakeServer taskDuration(Duration d) {
        Objects.requireNonNull(d, "duration");
        cluster.taskDuration(d);
        return this;
    }

    /**
     * Makes the next task end with this exit status: an error message (it fails, its effects are undone)
     * or {@code "WARNINGS: n"} (it succeeds with warnings).
     */
    public PveFakeServer failNextTask(String exitStatus) {
        synchronized (cluster) {
            cluster.failNextTask(Objects.requireNonNull(exitStatus, "exitStatus"));
        }
        return this;
    }

    /** Makes every task of a type (e.g. {@code qmclone}) end with this exit status; null restores success. */
    public PveFakeServer failTasks(String type, String exitStatus) {
        synchronized (cluster) {
            cluster.failTasks(Objects.requireNonNull(type, "type"), exitStatus);
        }
        return this;
    }

    /** The next request to this method and path (concrete or template, below {@code /api2/json}) never gets an answer. */
    public PveFakeServer hangNext(String method, String path) {
        dispatcher.addFault(new PveDispatcher.Fault(method, path, PveDispatcher.Fault.Kind.HANG));
        return this;
    }

    /** The next matching request gets headers and part of a body, then the connection closes. */
    public PveFakeServer disconnectNext(String method, String path) {
        dispatcher.addFault(new PveDispatcher.Fault(method, path, PveDispatcher.Fault.Kind.DISCONNECT));
        return this;
    }

    /** The next matching request gets a 500 with an HTML body, as a broken reverse proxy would send. */
    public PveFakeServer htmlErrorNext(String method, String path) {
        dispatcher.addFault(new PveDispatcher.Fault(method, path, PveDispatcher.Fault.Kind.HTML_500));
        return this;
    }

    /**
     * Makes tasks end by status reads instead of time: each new task answers {@code running} to its first
     * {@code reads} status reads ({@code GET /nodes/{node}/tasks/{upid}/status}) and has ended at the next,
     * so that a test decides when a task ends without waiting. Zero ends new tasks before the call that
     * started them returns; a negative count goes back to {@link #taskDuration(Duration)}.
     */
    public PveFakeServer taskReads(int reads) {
        cluster.taskReads(reads);
        return this;
    }

    /**
     * Adds a line to a task's log, as a long-running worker writes them.
     *
     * @throws IllegalArgumentException when no task has this UPID
     */
    public PveFakeServer appendTaskLog(String upid, String line) {
        synchronized (cluster) {
            Task t = cluster.tasks.get(Objects.requireNonNull(upid, "upid"));
            if (t == null) {
                throw new IllegalArgumentException("no such task: " + upid);
            }
            t.log.add(Objects.requireNonNull(line, "line"));
        }
        return this;
    }

    /**
     * The next request to this method and path (concrete, e.g. {@code /nodes/pve-01/qemu/101/status/start},
     * or a schema template, below {@code /api2/json}) gets this answer instead of the fake's own; answers
     * queue per method and path. For what a test needs Proxmox to say once: a lock held by another task,
     * a permission refused, an odd but well-formed answer. The request is recorded, not validated.
     */
    public PveFakeServer answerNext(String method, String path, PveAnswer answer) {
        dispatcher.addScripted(Objects.requireNonNull(method, "method"), Objects.requireNonNull(path, "path"),
                Objects.requireNonNull(answer, "answer").response());
        return this;
    }

    /**
     * Adds to the running cluster what the lambda seeds, as {@link Builder} does before start: nodes,
     * storages, volumes, pools, guests, users and tokens. Server settings given to it (port, clock, ...)
     * are ignored. {@link #reset()} removes what was added this way.
     *
     * @throws IllegalArgumentException when a seed is invalid or its VMID is taken
     */
    public PveFakeServer seed(Consumer<Builder> seeds) {
        Builder b = new Builder();
        seeds.accept(b);
        synchronized (cluster) {
            seed(b, false);
            cluster.changed();
        }
        return this;
    }

    /**
     * Puts the server back to the state it started in: the seeded cluster, users and tokens, no tasks,
     * no recorded requests or violations, no pending faults or scripted answers, the built task timing.
     * Tokens and users keep their secrets, so clients made before still work. For a server shared by
     * several tests (a static field, a main method) that each want a fresh cluster.
     */
    public void reset() {
        synchronized (cluster) {
            cluster.clear();
            auth.clear();
            tokens.clear();
            users.clear();
            seed(seeded, true);
            dispatcher.reset();
        }
    }

    /** A copy of a guest's state, or empty when no guest has this VMID. */
    public Optional<GuestState> guest(int vmid) {
        synchronized (cluster) {
            Guest g = cluster.guests.get(vmid);
            if (g == null) {
                return Optional.empty();
            }
            return Optional.of(new GuestState(g.vmid, g.type, g.node, g.status, g.paused, new LinkedHashMap<>(g.config),
                    List.copyOf(g.snapshots.keySet()), g.pool == null ? "" : g.pool));
        }
    }

    /** The HA resources by id (e.g. {@code vm:101}), each with its settings ({@code state}, {@code group}, ...). */
    public Map<String, Map<String, String>> haResources() {
        synchronized (cluster) {
            Map<String, Map<String, String>> out = new LinkedHashMap<>();
            cluster.haResources.forEach((k, v) -> out.put(k, Map.copyOf(v)));
            return out;
        }
    }

    /** Whether a guest with this VMID exists (on any node). */
    public boolean hasGuest(int vmid) {
        synchronized (cluster) {
            return cluster.guests.containsKey(vmid);
        }
    }

    /** A copy of a guest's current config, or empty when it does not exist. */
    public Optional<Map<String, String>> guestConfig(int vmid) {
        synchronized (cluster) {
            Guest g = cluster.guests.get(vmid);
            if (g == null) {
                return Optional.empty();
            }
            return Optional.of(new LinkedHashMap<>(g.config));
        }
    }

    /** A guest's power state ({@code running} or {@code stopped}), or empty when it does not exist. */
    public Optional<String> guestStatus(int vmid) {
        synchronized (cluster) {
            Guest g = cluster.guests.get(vmid);
            return g == null ? Optional.empty() : Optional.of(g.status);
        }
    }

    /** The node a guest is on, or empty when it does not exist. */
    public Optional<String> guestNode(int vmid) {
        synchronized (cluster) {
            Guest g = cluster.guests.get(vmid);
            return g == null ? Optional.empty() : Optional.of(g.node);
        }
    }

    /** The volume ids on a storage as seen from a node. */
    public List<String> volumes(String node, String storage) {
        synchronized (cluster) {
            return cluster.volumes(node, storage).stream().map(v -> v.volid).toList();
        }
    }

    /**
     * Stops the server. In strict mode, throws an {@link AssertionError} when requests violated the schema
     * (the server is stopped either way).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        PlanPurity.unwatch(this);
        cluster.shutdown();
        https.close();
        if (strict) {
            assertNoSchemaViolations();
        }
    }

    @Override
    public String toString() {
        return "PveFakeServer[" + apiUri() + ", nodes=" + cluster.nodes.keySet() + "]";
    }

    /** Configures the seeded cluster, the accepted credentials and the server's behaviour. */
    public static final class Builder {
        final LinkedHashSet<String> nodes = new LinkedHashSet<>();
        final List<Cluster.Storage> storages = new ArrayList<>();
        final List<Seeding.GuestSeed> guests = new ArrayList<>();
        final List<Seeding.VolumeSeed> volumes = new ArrayList<>();
        final List<PveApiToken> tokens = new ArrayList<>();
        final List<Seeding.TokenSeed> tokenSeeds = new ArrayList<>();
        final List<PveUser> users = new ArrayList<>();
        final List<Seeding.UserSeed> userSeeds = new ArrayList<>();
        Duration taskDuration = Duration.ofMillis(100);
        int pveMajor = 9;
        int taskReads = -1;
        Clock clock = Clock.systemUTC();
        boolean strict = true;
        final java.util.Map<String, String> pools = new java.util.LinkedHashMap<>();
        boolean compression = true;
        String clusterName = "ops-lab";
        int port;

        Builder() {}

        /** Adds a node (the first is the one the certificate is named for). Default: one node {@code pve}. */
        public Builder node(String name) {
            nodes.add(Seeding.nodeName(name));
            return this;
        }

        /**
         * Adds a node-local storage with a comma-separated content list (e.g. {@code "iso,vztmpl,backup"}).
         * Its type is {@code lvmthin} when it holds only images/rootdir, else {@code dir}.
         * Default when none is added: {@code local} (iso,vztmpl,backup,snippets,import) and {@code local-lvm}
         * (images,rootdir).
         */
        public Builder storage(String id, String content) {
            storages.add(Seeding.storage(id, content, false));
            return this;
        }

        /** Adds a storage shared by all nodes (type {@code nfs}): one content list seen from every node. */
        public Builder sharedStorage(String id, String content) {
            storages.add(Seeding.storage(id, content, true));
            return this;
        }

        /**
         * Seeds a file on a storage, e.g. {@code volume("pve-01", "local:iso/debian-13.iso", 700 << 20)}. A backup named as
         * vzdump names them ({@code local:backup/vzdump-qemu-101-2025_01_01-00_00_00.vma.zst}) restores as a guest of that type.
         */
        public Builder volume(String node, String volid, long sizeBytes) {
            if (!volid.contains(":")) {
                throw new IllegalArgumentException("volume id must be storage:path: '" + volid + "'");
            }
            volumes.add(new Seeding.VolumeSeed(node, volid, sizeBytes));
            return this;
        }

        /** Seeds a resource pool (put guests in it with {@link GuestSpec#pool}). */
        public Builder pool(String poolid, String comment) {
            pools.put(java.util.Objects.requireNonNull(poolid, "poolid"), comment == null ? "" : comment);
            return this;
        }

        /** Seeds a stopped VM with default config. */
        public Builder vm(int vmid, String node) {
            return vm(vmid, node, spec -> { });
        }

        /** Seeds a VM; the lambda sets its config (disks given as {@code storage:GiB} are allocated). */
        public Builder vm(int vmid, String node, Consumer<GuestSpec> config) {
            guests.add(Seeding.guest(vmid, "qemu", node, config, guests));
            return this;
        }

        /** Seeds a container; the lambda sets its config. */
        public Builder container(int vmid, String node, Consumer<GuestSpec> config) {
            guests.add(Seeding.guest(vmid, "lxc", node, config, guests));
            return this;
        }

        /** Accepts an API token with its user's privileges ({@code root@pam}: all). */
        public Builder token(String userid, String name, String secret) {
            PveApiToken t = new PveApiToken(userid, name, secret);
            tokens.add(t);
            tokenSeeds.add(new Seeding.TokenSeed(t, null));
            return this;
        }

        /** Accepts an API token limited to the privileges the lambda grants (privilege separation). */
        public Builder token(String userid, String name, String secret, Consumer<AclSpec> acl) {
            PveApiToken t = new PveApiToken(userid, name, secret);
            AclSpec spec = new AclSpec();
            acl.accept(spec);
            tokens.add(t);
            tokenSeeds.add(new Seeding.TokenSeed(t, Seeding.aclEntries(spec)));
            return this;
        }

        /** Accepts a user login; {@code root@pam} holds every privilege, others none unless granted. */
        public Builder user(String userid, String password) {
            return user(userid, password, acl -> { });
        }

        /** Accepts a user login with the privileges the lambda grants. */
        public Builder user(String userid, String password, Consumer<AclSpec> acl) {
            return addUser(new PveUser(userid, password, null), acl);
        }

        /** Accepts a user login that needs a TOTP second factor (base32 secret, RFC 6238, 6 digits, 30 s). */
        public Builder userWithTotp(String userid, String password, String totpBase32Secret, Consumer<AclSpec> acl) {
            Objects.requireNonNull(totpBase32Secret, "totpBase32Secret");
            return addUser(new PveUser(userid, password, totpBase32Secret.toUpperCase(Locale.ROOT)), acl);
        }

        private Builder addUser(PveUser u, Consumer<AclSpec> acl) {
            AclSpec spec = new AclSpec();
            acl.accept(spec);
            users.add(u);
            userSeeds.add(new Seeding.UserSeed(Seeding.user(u), Seeding.aclEntries(spec)));
            return this;
        }

        /**
         * Which Proxmox VE the fake plays: 9 (the default, the PVE 9.1 schema and version) or 8 (the PVE 8.4
         * schema: PVE 9's new endpoints and parameters are refused as a PVE 8 server refuses them).
         */
        public Builder pveVersion(int major) {
            if (major != 8 && major != 9) {
                throw new IllegalArgumentException("the fake plays PVE 8 or 9, not " + major);
            }
            this.pveMajor = major;
            return this;
        }

        /** How long tasks run before they end (default 100 ms; zero ends them before the call returns). */
        public Builder taskDuration(Duration d) {
            this.taskDuration = Objects.requireNonNull(d, "taskDuration");
            return this;
        }

        /**
         * Makes tasks end by status reads instead of time (see {@link PveFakeServer#taskReads(int)}); default -1:
         * they end after {@link #taskDuration(Duration)}.
         */
        public Builder taskReads(int reads) {
            this.taskReads = reads;
            return this;
        }

        /** The clock for ticket expiry, task and snapshot times (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Whether answers over 1 KiB are gzipped for clients that send {@code Accept-Encoding: gzip},
         * as pveproxy does by default (on; off is {@code COMPRESSION=0} in /etc/default/pveproxy).
         */
        public Builder compression(boolean on) {
            this.compression = on;
            return this;
        }

        /** Whether {@link #close()} fails on schema violations (default true). */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** The cluster name shown by {@code /cluster/status} (default {@code ops-lab}); empty plays a single node in no cluster. */
        public Builder clusterName(String name) {
            this.clusterName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** A fixed port (default 0: any free port). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Starts the server. */
        public PveFakeServer start() {
            try {
                return new PveFakeServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the fake PVE server", e);
            }
        }
    }
}
