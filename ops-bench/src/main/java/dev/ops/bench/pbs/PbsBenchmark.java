package dev.ops.bench.pbs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.bench.support.Bench;
import dev.ops.core.json.internal.Json;
import dev.ops.core.retention.RetentionItem;
import dev.ops.core.retention.RetentionPlan;
import dev.ops.core.retention.RetentionPolicy;
import dev.ops.core.secret.Secret;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.pbs.Namespace;
import dev.ops.pbs.PbsClient;
import dev.ops.pbs.Snapshot;
import dev.ops.testkit.pbs.PbsFakeServer;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * ops-pbs against proxmoxer (Debian's python3-proxmoxer, {@code ProxmoxAPI(service='PBS')}, run by
 * {@code /usr/bin/python3}), side by side against the same fake PBS on loopback, which runs in a JVM of
 * its own as proxmox-backup-proxy is a process of its own ({@link FakePbsProcess}), and answers
 * deflated to clients that accept it, as PBS does (both do):
 *
 * <ol>
 *   <li>(a) listing 10,000 snapshots in 500 groups ({@code GET /admin/datastore/store1/snapshots}),
 *       sequentially: requests per second, and the time to the list each caller gets (ops-pbs: typed
 *       {@link Snapshot}s sorted by group and time; proxmoxer: a list of dicts);
 *   <li>(b) prune over 100,000 snapshots (100 groups of 1,000 hourly snapshots, keep-last 3, daily 7,
 *       weekly 4, monthly 12, yearly 5): ops-pbs's local plan with the core retention engine, against
 *       the fake server's dry-run prune of each group ({@code POST .../prune}) over HTTP, and checks
 *       both remove the same snapshots.
 * </ol>
 *
 * Arguments: {@code --requests N} (default 20), {@code --rounds N} (default 5), {@code --no-python}
 * (ops-pbs only, where proxmoxer is not installed), {@code --server own-jvm|in-process} (where the
 * fake runs; default own-jvm), {@code --warmup N} (ops-pbs listings before the first round, which
 * warm the JIT and GC of both JVMs; default 300: fewer leave the first rounds slower). Prints a table; see docs/benchmarks/pbs.md.
 */
public final class PbsBenchmark {
    private static final PrintStream OUT = System.out;
    private static final String STORE = "store1";
    private static final String PRUNE_STORE = "prune";
    private static final int PRUNE_GROUPS = 100;
    private static final int PRUNE_SNAPSHOTS = 1000;

    private PbsBenchmark() {}

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        int requests = 20;
        int rounds = 5;
        int warmup = 300;
        boolean python = true;
        boolean ownJvm = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--requests" -> requests = AsciiNumbers.parseInt(args[++i]);
                case "--rounds" -> rounds = AsciiNumbers.parseInt(args[++i]);
                case "--warmup" -> warmup = AsciiNumbers.parseInt(args[++i]);
                case "--no-python" -> python = false;
                case "--server" -> ownJvm = switch (args[++i]) {
                    case "own-jvm" -> true;
                    case "in-process" -> false;
                    default -> throw new IllegalArgumentException("--server takes own-jvm or in-process, not " + args[i]);
                };
                default -> throw new IllegalArgumentException(
                        "unknown argument " + args[i] + " (use --requests N, --rounds N, --warmup N, --no-python, --server own-jvm|in-process)");
            }
        }
        Path work = Files.createTempDirectory("ops-pbs-bench-");
        try (FakePbs pbs = ownJvm ? FakePbs.childProcess() : FakePbs.inProcess();
                PbsClient client = PbsClient.builder().baseUrl(pbs.baseUrl()).apiToken("root@pam", "ops", Secret.of(pbs.tokenSecret()))
                        .pinnedCertificate(pbs.fingerprint()).name("bench").build()) {
            OUT.println(Bench.machine(work));
            OUT.println("load average: " + Bench.loadAverage());
            OUT.println("fake PBS: " + (ownJvm ? "a JVM of its own" : "in the benchmark's JVM"));
            listing(pbs, client, work, requests, rounds, warmup, python);
            prune(client, rounds);
            String violations = pbs.violations();
            if (!violations.equals("0")) {
                throw new IllegalStateException("requests violated the PBS schema: " + violations);
            }
        } finally {
            Bench.deleteTree(work);
        }
    }

    /** Seeds {@code pbs} with the datastores of (a) and (b), wherever it runs. */
    static void seed(PbsFakeServer pbs) {
        var listed = pbs.datastore(STORE);
        long base = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        for (int g = 0; g < 500; g++) {
            String group = (g % 2 == 0 ? "vm/" : "ct/") + (1000 + g);
            for (int s = 0; s < 20; s++) {
                listed.snapshot("", group + "/" + Instant.ofEpochSecond(base + s * 86_400L + g));
            }
        }
        var pruned = pbs.datastore(PRUNE_STORE);
        for (int g = 0; g < PRUNE_GROUPS; g++) {
            for (int s = 0; s < PRUNE_SNAPSHOTS; s++) {
                pruned.snapshot("", pruneGroup(g) + "/" + pruneTime(g, s));
            }
        }
    }

    private static String pruneGroup(int g) {
        return "vm/" + (2000 + g);
    }

    private static Instant pruneTime(int g, int s) {
        return Instant.parse("2024-01-01T00:00:00Z").plusSeconds(s * 3_600L * 17 + g * 60L);
    }

    private static void listing(FakePbs pbs, PbsClient client, Path work, int requests, int rounds, int warmup, boolean python)
            throws Exception {
        Path script = work.resolve("proxmoxer_pbs_bench.py");
        try (InputStream in = PbsBenchmark.class.getResourceAsStream("proxmoxer_pbs_bench.py")) {
            Files.write(script, in.readAllBytes());
        }
        Path ca = work.resolve("ca.pem");
        Files.writeString(ca, pbs.certificatePem());
        // Warm both the server and the client: the JIT compiles the parse and the sort (and, in a JVM of
        // its own, the server's answer).
        for (int i = 0; i < warmup; i++) {
            client.datastore(STORE).snapshots(Namespace.root());
        }
        List<Double> ops = new ArrayList<>();
        List<Double> opsCpu = new ArrayList<>();
        List<Double> py = new ArrayList<>();
        List<Double> pyCpu = new ArrayList<>();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        int listed = 0;
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            long c0 = os.getProcessCpuTime();
            for (int i = 0; i < requests; i++) {
                listed = client.datastore(STORE).snapshots(Namespace.root()).size();
            }
            ops.add((System.nanoTime() - t0) / 1e9);
            opsCpu.add((os.getProcessCpuTime() - c0) / 1e9);
            if (python) {
                JsonNode r = python(script, pbs, ca, Integer.toString(requests));
                py.add(r.get("seconds").asDouble());
                pyCpu.add(r.get("cpu_seconds").asDouble());
                if (r.get("snapshots").asInt() != listed) {
                    throw new IllegalStateException("proxmoxer listed " + r.get("snapshots") + " snapshots, ops-pbs " + listed);
                }
            }
        }
        double o = Bench.median(ops);
        OUT.printf("%n(a) %d sequential listings of %,d snapshots in 500 groups, median of %d rounds%n", requests, listed, rounds);
        OUT.printf("    ops-pbs     %8.1f req/s  %7.1f ms to the typed list  (rounds %s s)%n", requests / o, 1000 * o / requests, r3(ops));
        if (python) {
            double p = Bench.median(py);
            OUT.printf("    proxmoxer   %8.1f req/s  %7.1f ms to the list of dicts (rounds %s s)%n", requests / p, 1000 * p / requests, r3(py));
            OUT.printf("    ratio       %8.2fx   (target >= 3)%n", p / o);
        }
        // CPU time per listing: what a listing costs whatever else the machine runs (ops-pbs: the whole
        // benchmark JVM, its GC, JIT and every thread of the client; proxmoxer: its process).
        double oc = Bench.median(opsCpu);
        OUT.printf("    CPU per listing: ops-pbs %.1f ms (the benchmark's JVM)", 1000 * oc / requests);
        if (python) {
            double pc = Bench.median(pyCpu);
            OUT.printf(", proxmoxer %.1f ms (its process), ratio %.2fx", 1000 * pc / requests, pc / oc);
        }
        OUT.println();
    }

    private static void prune(PbsClient client, int rounds) {
        List<RetentionItem> items = new ArrayList<>();
        for (int g = 0; g < PRUNE_GROUPS; g++) {
            String group = pruneGroup(g);
            for (int s = 0; s < PRUNE_SNAPSHOTS; s++) {
                Instant t = pruneTime(g, s);
                items.add(RetentionItem.of(group + "/" + t, t).inGroup(group));
            }
        }
        RetentionPolicy policy = RetentionPolicy.builder().zone(client.timeZone().getId()).keepLast(3).keepDaily(7).keepWeekly(4)
                .keepMonthly(12).keepYearly(5).build();
        Instant now = Instant.now();
        policy.plan(items, now); // warm
        List<Double> local = new ArrayList<>();
        RetentionPlan plan = null;
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            plan = policy.plan(items, now);
            local.add((System.nanoTime() - t0) / 1e9);
        }
        Set<String> localRemoved = new HashSet<>();
        plan.removed().forEach(i -> localRemoved.add(i.id()));
        List<Double> server = new ArrayList<>();
        Set<String> serverRemoved = new HashSet<>();
        for (int round = 0; round < rounds; round++) {
            serverRemoved.clear();
            long t0 = System.nanoTime();
            for (int g = 0; g < 100; g++) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("store", PRUNE_STORE);
                p.put("backup-type", "vm");
                p.put("backup-id", String.valueOf(2000 + g));
                p.put("dry-run", true);
                p.put("keep-last", 3);
                p.put("keep-daily", 7);
                p.put("keep-weekly", 4);
                p.put("keep-monthly", 12);
                p.put("keep-yearly", 5);
                for (var e : client.api().post("/admin/datastore/{store}/prune", p).elements()) {
                    if (!e.path("keep").asBoolean()) {
                        serverRemoved.add(e.path("backup-type").asText() + "/" + e.path("backup-id").asText() + "/"
                                + Instant.ofEpochSecond(e.path("backup-time").asLong()));
                    }
                }
            }
            server.add((System.nanoTime() - t0) / 1e9);
        }
        if (!localRemoved.equals(serverRemoved)) {
            throw new IllegalStateException("local prune removes " + localRemoved.size() + ", the server's " + serverRemoved.size());
        }
        double l = Bench.median(local);
        double s = Bench.median(server);
        OUT.printf("%n(b) prune of 100,000 snapshots (100 groups of 1,000), median of %d rounds; both remove the same %,d%n", rounds,
                localRemoved.size());
        OUT.printf("    ops-pbs local plan         %8.1f ms  (rounds %s s)%n", 1000 * l, r3(local));
        OUT.printf("    fake server, 100 dry runs  %8.1f ms  (rounds %s s)%n", 1000 * s, r3(server));
        OUT.printf("    server / local             %8.1fx%n", s / l);
    }

    private static String r3(List<Double> v) {
        return v.stream().map(d -> String.format("%.3f", d)).toList().toString();
    }

    private static JsonNode python(Path script, FakePbs pbs, Path ca, String n) throws Exception {
        String hostPort = pbs.baseUrl().substring("https://".length());
        List<String> argv = List.of("/usr/bin/python3", script.toString(), hostPort, "root@pam", "ops", pbs.tokenSecret(), ca.toString(),
                "snapshots", STORE, n);
        Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("proxmoxer run failed: " + out);
        }
        return Json.mapper().readTree(out);
    }
}
