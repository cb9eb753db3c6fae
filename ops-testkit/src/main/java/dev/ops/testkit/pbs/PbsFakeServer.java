package dev.ops.testkit.pbs;

import dev.ops.testkit.pbs.internal.PbsDispatcher;
import dev.ops.testkit.pbs.internal.PbsState;
import dev.ops.testkit.purity.PlanPurity;
import dev.ops.testkit.pve.internal.LoopbackHttps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fake Proxmox Backup Server over HTTPS on loopback, for tests: requests are checked against the
 * PBS 4.2 schema (what it refused is in {@link #violations()}), API tokens are checked, and its
 * datastores, namespaces and snapshots change as PBS's would. Prune ({@code POST .../prune}) is
 * answered by the core retention engine in the host's time zone ({@link #timeZone(String)}). As
 * proxmox-backup-proxy does, it deflates its answers (zlib format, level 3, chunked) for a client
 * whose {@code Accept-Encoding} names {@code deflate}, and sets TCP_NODELAY on its connections.
 *
 * <pre>{@code
 * try (PbsFakeServer pbs = PbsFakeServer.start()) {
 *     pbs.datastore("store1").snapshot("", "vm/100/2026-01-02T03:04:05Z");
 *     PbsClient client = PbsClient.builder().baseUrl(pbs.baseUrl()).apiToken("root@pam", "ops", Secret.of(pbs.tokenSecret()))
 *             .pinnedCertificate(pbs.fingerprint()).build();
 * }
 * }</pre>
 */
public final class PbsFakeServer implements AutoCloseable {
    /** The token secret of {@code root@pam!ops}, which every server knows. */
    public static final String TOKEN_SECRET = "4c7b6a1e-0000-4000-8000-000000000001";
    /** The password of {@code root@pam}, which every server knows. */
    public static final String ROOT_PASSWORD = "fake-root-password";

    private final PbsState state = new PbsState(java.time.Duration.ofMillis(50));
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final PbsDispatcher dispatcher;
    private final LoopbackHttps https;
    private final String fingerprint;
    private final String certificatePem;

    private PbsFakeServer() throws IOException {
        tokens.put("root@pam!ops", TOKEN_SECRET);
        passwords.put("root@pam", ROOT_PASSWORD);
        this.https = LoopbackHttps.certified("pbs");
        this.fingerprint = https.fingerprint();
        this.certificatePem = https.certificatePem();
        this.dispatcher = new PbsDispatcher(state, tokens, passwords);
        // TCP_NODELAY on every accepted connection, as proxmox-rest-server sets it; a deflated answer goes
        // out chunked, and its last small write would otherwise wait for the client's delayed ACK.
        https.start(0, dispatcher);
        dev.ops.testkit.pve.internal.PbsBackends.register("127.0.0.1:" + https.port(), new Backend());
        // Every plan made while this server lives is checked to have sent it no writes.
        PlanPurity.watch(this, dispatcher::writes);
    }

    /** Starts a server on a free loopback port, with no datastore and the host in UTC. */
    public static PbsFakeServer start() {
        try {
            return new PbsFakeServer();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the PBS fake", e);
        }
    }

    /** The base URL, e.g. {@code https://127.0.0.1:40123}. */
    public String baseUrl() {
        return "https://127.0.0.1:" + https.port();
    }

    /** The SHA-256 fingerprint of the server's certificate, colon-separated, to pin. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The server's certificate in PEM form, for a client that trusts a CA file rather than a fingerprint. */
    public String certificatePem() {
        return certificatePem;
    }

    /** The secret of the API token {@code root@pam!ops}. */
    public String tokenSecret() {
        return TOKEN_SECRET;
    }

    /** Sets the PBS host's time zone, as {@code GET /nodes/localhost/time} tells it (not checked: a bad one is a test input). */
    public PbsFakeServer timeZone(String zone) {
        synchronized (state.tasks.lock()) {
            state.timeZone = zone;
            state.version++;
        }
        return this;
    }

    /**
     * Adds a task of type {@code type} that ended with {@code exitStatus} ({@code OK}, {@code WARNINGS: n},
     * an error), or runs while it is null; returns its PBS UPID.
     */
    public String task(String type, String exitStatus) {
        synchronized (state.tasks.lock()) {
            return state.tasks.seed(type, exitStatus);
        }
    }

    /**
     * The next request to this method and path (concrete, e.g. {@code /admin/datastore/store1/gc}, or a
     * schema template, below {@code /api2/json}) gets this answer instead of the fake's own, as with
     * {@code PveFakeServer.answerNext}: an error as PBS words it, odd data, HTML from a proxy, a hang
     * or a cut connection. Answers queue per method and path.
     */
    public PbsFakeServer answerNext(String method, String path, dev.ops.testkit.pve.PveAnswer answer) {
        dispatcher.addScripted(java.util.Objects.requireNonNull(method, "method"), java.util.Objects.requireNonNull(path, "path"),
                java.util.Objects.requireNonNull(answer, "answer").response());
        return this;
    }

    /** Makes snapshot listings come in a scrambled order, as nothing in PBS's API promises an order. */
    public PbsFakeServer scrambleListings() {
        synchronized (state.tasks.lock()) {
            state.scrambled = true;
            state.version++;
        }
        return this;
    }

    /**
     * Changes how long tasks started from now on (garbage collection, verification, job runs) run
     * before they end (default 50 ms), as {@code PveFakeServer.taskDuration} does: the same task engine.
     */
    public PbsFakeServer taskDuration(java.time.Duration d) {
        state.tasks.engine().taskDuration(java.util.Objects.requireNonNull(d, "duration"));
        return this;
    }

    /**
     * Makes tasks end by status reads instead of time: each new task answers {@code running} to its
     * first {@code reads} status reads and has ended at the next; a negative count goes back to time.
     */
    public PbsFakeServer taskReads(int reads) {
        state.tasks.engine().taskReads(reads);
        return this;
    }

    /** Makes the next task end with this exit status: an error (it fails, its effects are not made) or {@code WARNINGS: n}. */
    public PbsFakeServer failNextTask(String exitStatus) {
        synchronized (state.tasks.lock()) {
            state.tasks.engine().failNextTask(java.util.Objects.requireNonNull(exitStatus, "exitStatus"));
        }
        return this;
    }

    /** Makes every task of a type (e.g. {@code syncjob}, {@code garbage_collection}) end with this exit status; null restores success. */
    public PbsFakeServer failTasks(String type, String exitStatus) {
        synchronized (state.tasks.lock()) {
            state.tasks.engine().failTasks(java.util.Objects.requireNonNull(type, "type"), exitStatus);
        }
        return this;
    }

    /** The UPIDs of every task so far, oldest first. */
    public List<String> tasks() {
        synchronized (state.tasks.lock()) {
            return state.tasks.upids();
        }
    }

    /** A copy of a configuration entry ({@code section}: prune, verify, sync, remote, traffic-control), empty when none. */
    public java.util.Optional<Map<String, Object>> config(String section, String id) {
        synchronized (state.tasks.lock()) {
            Map<String, Object> e = state.section(section).get(id);
            return e == null ? java.util.Optional.empty() : java.util.Optional.of(new java.util.LinkedHashMap<>(e));
        }
    }

    /** The datastore {@code name}, created (1 TiB) on first use. */
    public StoreSeed datastore(String name) {
        synchronized (state.tasks.lock()) {
            state.stores.computeIfAbsent(name, n -> new PbsState.Store(n, 1L << 40));
            state.version++;
        }
        return new StoreSeed(name);
    }

    /** The requests the schema refused, as {@code METHOD path: reason}; a passing test leaves it empty. */
    public List<String> violations() {
        return dispatcher.violations();
    }

    /**
     * Starts job {@code id} of {@code kind} ({@code prune}, {@code verify}, {@code sync}) as PBS's scheduler
     * does when its schedule is due (the fake keeps no clock of schedules): the same task as
     * {@code POST /admin/{kind}/{id}/run}; its UPID. An unknown job throws.
     */
    public String runScheduledJob(String kind, String id) {
        return dispatcher.runJob(kind, id);
    }

    /**
     * Plays PBS's scheduler at {@code now} (a test's clock; the server's own never fires a job): starts
     * every prune, verify and sync job whose {@code schedule}, a calendar event read in the host's
     * {@linkplain #timeZone(String) time zone}, came due since the job was created or last started
     * this way, once however many times it came due; the UPIDs of the tasks started.
     */
    public List<String> runDueJobs(java.time.Instant now) {
        return dispatcher.runDueJobs(now);
    }

    /** Every request, as {@code METHOD path}. */
    public List<String> calls() {
        return dispatcher.calls();
    }

    @Override
    public void close() {
        dev.ops.testkit.pve.internal.PbsBackends.unregister("127.0.0.1:" + https.port());
        https.close();
        state.tasks.shutdown();
    }

    /** Seeds and inspects one datastore of the fake. */
    public final class StoreSeed {
        private final String store;

        private StoreSeed(String store) {
            this.store = store;
        }

        private PbsState.Store s() {
            state.version++;
            return state.stores.get(store);
        }

        /** Adds namespace {@code ns} and its parents. */
        public StoreSeed namespace(String ns) {
            synchronized (state.tasks.lock()) {
                String[] names = ns.split("/");
                StringBuilder path = new StringBuilder();
                for (String n : names) {
                    path.append(path.isEmpty() ? "" : "/").append(n);
                    s().namespaces.add(path.toString());
                }
            }
            return this;
        }

        /** Adds a finished, unprotected snapshot {@code type/id/RFC3339} (1 GiB) to namespace {@code ns} ("" for the root). */
        public StoreSeed snapshot(String ns, String path) {
            return snapshot(ns, path, true, false);
        }

        /** Adds a snapshot, finished or still being written, protected or not. */
        public StoreSeed snapshot(String ns, String path, boolean finished, boolean isProtected) {
            String[] parts = path.split("/");
            PbsState.Snap sn = new PbsState.Snap(parts[0], parts[1], Instant.parse(parts[2]).getEpochSecond());
            sn.finished = finished;
            sn.isProtected = isProtected;
            sn.size = finished ? 1L << 30 : 0;
            synchronized (state.tasks.lock()) {
                namespace(ns.isEmpty() ? "" : ns);
                s().in(ns).put(sn.path(), sn);
            }
            return this;
        }

        /** Records the last verification of snapshot {@code path}: {@code ok} or {@code failed}. */
        public StoreSeed verified(String ns, String path, String verificationState) {
            synchronized (state.tasks.lock()) {
                s().in(ns).get(path).verification = verificationState;
            }
            return this;
        }

        /** Marks snapshot {@code path} as damaged: verifying it fails its task and records {@code failed}. */
        public StoreSeed corrupt(String ns, String path) {
            synchronized (state.tasks.lock()) {
                s().in(ns).get(path).corrupt = true;
            }
            return this;
        }

        /** The verification state of snapshot {@code path} ({@code ok}, {@code failed}), empty when never verified. */
        public java.util.Optional<String> verification(String ns, String path) {
            synchronized (state.tasks.lock()) {
                return java.util.Optional.ofNullable(s().in(ns).get(path).verification);
            }
        }

        /** The owner of group {@code type/id} of namespace {@code ns} (its newest snapshot's). */
        public String owner(String ns, String group) {
            synchronized (state.tasks.lock()) {
                return s().in(ns).values().stream().filter(sn -> sn.group().equals(group)).reduce((a, b) -> b).orElseThrow().owner;
            }
        }

        /** The paths of the snapshots in namespace {@code ns}, in path order. */
        public List<String> snapshots(String ns) {
            synchronized (state.tasks.lock()) {
                return List.copyOf(s().in(ns).keySet());
            }
        }

        /** The namespaces, the root ("") included. */
        public List<String> namespaces() {
            synchronized (state.tasks.lock()) {
                return List.copyOf(s().namespaces);
            }
        }

        /** Whether snapshot {@code path} of namespace {@code ns} is protected. */
        public boolean isProtected(String ns, String path) {
            synchronized (state.tasks.lock()) {
                return s().in(ns).get(path).isProtected;
            }
        }

        /** The notes of snapshot {@code path}. */
        public String notes(String ns, String path) {
            synchronized (state.tasks.lock()) {
                return s().in(ns).get(path).notes;
            }
        }
    }

    /** This server as the PBS behind a PVE fake's storage of type {@code pbs}, and as the remote of another PBS fake's sync job. */
    private final class Backend implements dev.ops.testkit.pve.internal.PbsBackends.Backend {
        @Override
        public void store(String datastore, String ns, String type, String id, long time, String notes) {
            synchronized (state.tasks.lock()) {
                PbsState.Store s = state.stores.get(datastore);
                if (s == null || !s.namespaces.contains(ns)) {
                    throw new IllegalStateException("PBS fake: datastore '" + datastore + "' or namespace '" + ns + "' does not exist");
                }
                PbsState.Snap sn = new PbsState.Snap(type, id, time);
                sn.finished = true;
                sn.size = 1L << 30;
                sn.notes = notes;
                s.in(ns).put(sn.path(), sn);
                state.version++;
            }
        }

        @Override
        public boolean hasNamespace(String datastore, String ns) {
            synchronized (state.tasks.lock()) {
                PbsState.Store s = state.stores.get(datastore);
                return s != null && s.namespaces.contains(ns);
            }
        }

        @Override
        public boolean accepts(String authId, String secret) {
            String known = authId.contains("!") ? tokens.get(authId) : passwords.get(authId);
            return known != null && known.equals(secret);
        }

        @Override
        public dev.ops.testkit.pve.internal.PbsBackends.Listing listing(String datastore, String ns, int maxDepth) {
            synchronized (state.tasks.lock()) {
                return dev.ops.testkit.pbs.internal.PbsSync.listing(state, datastore, ns, maxDepth);
            }
        }

        @Override
        public dev.ops.testkit.pve.internal.PbsBackends.Synced receive(String datastore, String ns,
                dev.ops.testkit.pve.internal.PbsBackends.Listing from, Map<String, Object> job, String owner,
                java.util.function.Consumer<String> log) {
            synchronized (state.tasks.lock()) {
                return dev.ops.testkit.pbs.internal.PbsSync.copy(state, datastore, ns, from, job, owner, log);
            }
        }

        @Override
        public boolean has(String datastore, String ns, String type, String id, long time) {
            synchronized (state.tasks.lock()) {
                PbsState.Store s = state.stores.get(datastore);
                return s != null && s.in(ns).containsKey(new PbsState.Snap(type, id, time).path());
            }
        }
    }
}
