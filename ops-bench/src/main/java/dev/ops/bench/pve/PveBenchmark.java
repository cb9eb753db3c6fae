package dev.ops.bench.pve;

import dev.ops.core.text.AsciiNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.bench.support.Bench;
import dev.ops.core.json.internal.Json;
import dev.ops.core.secret.Secret;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.proxmox.task.ProxmoxTask;
import dev.ops.proxmox.task.TaskOutcome;
import dev.ops.testkit.pve.PveApiToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * ops-pve against proxmoxer (Debian's python3-proxmoxer, run by /usr/bin/python3), side by side
 * against the same fake Proxmox VE server on loopback:
 *
 * <ol>
 *   <li>(a) 1,000 sequential {@code GET /cluster/resources} on a 200-guest cluster: requests per second;
 *   <li>(b) waiting for tasks that take 0.2 s, 1 s and 5 s: the lag between the task's end and the
 *       caller seeing it, and the number of status polls.
 * </ol>
 *
 * <p>The fake runs in a JVM of its own, as pveproxy is a process of its own, so that neither client
 * shares a heap, GC pauses or JIT threads with the server; {@code --server in-process} runs it in
 * the benchmark's JVM instead. Arguments: {@code --requests N} (default 1000), {@code --tasks N}
 * per duration (default 5), {@code --server process|in-process}.
 * Prints a table; see docs/benchmarks.md.
 */
public final class PveBenchmark {
    private static final PrintStream OUT = System.out;
    private static final String NODE = BenchCluster.NODE;
    private static final int ROUNDS = 9;
    // On 2 vCPUs the JIT's single C2 thread works through its queue for about 20,000 calls.
    private static final int WARMUP_ROUNDS = 20;
    private static final List<Duration> DURATIONS = List.of(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(5));

    private final FakeEndpoint server;
    private final PveClient client;
    private final Path script;
    private final Path caFile;
    private final PveApiToken token;
    private int startedVms;

    private PveBenchmark(FakeEndpoint server, PveClient client, Path script, Path caFile) {
        this.server = server;
        this.client = client;
        this.script = script;
        this.caFile = caFile;
        this.token = server.token();
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        int requests = 1000;
        int tasks = 5;
        boolean inProcess = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--requests" -> requests = AsciiNumbers.parseInt(args[++i]);
                case "--tasks" -> tasks = AsciiNumbers.parseInt(args[++i]);
                case "--server" -> inProcess = switch (args[++i]) {
                    case "in-process" -> true;
                    case "process" -> false;
                    default -> throw new IllegalArgumentException("--server takes process or in-process, not " + args[i]);
                };
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --requests N, --tasks N, --server process|in-process)");
            }
        }
        Path work = Files.createTempDirectory("ops-pve-bench-");
        try (FakeEndpoint server = inProcess ? FakeEndpoint.inProcess() : FakeEndpoint.childProcess()) {
            PveApiToken token = server.token();
            PveClient client = PveClient.builder().baseUrl("https://" + server.host() + ":" + server.port())
                    .apiToken(token.userid(), token.name(), Secret.of(token.secret())).pinnedCertificate(server.fingerprint())
                    .name("bench").build();
            Path script = work.resolve("proxmoxer_bench.py");
            try (InputStream in = PveBenchmark.class.getResourceAsStream("proxmoxer_bench.py")) {
                Files.write(script, in.readAllBytes());
            }
            Path ca = work.resolve("ca.pem");
            Files.writeString(ca, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(server.certificate())
                    + "\n-----END CERTIFICATE-----\n");
            OUT.println(Bench.machine(work));
            OUT.printf("fake server: %s%n", inProcess ? "in this JVM" : "a JVM of its own");
            new PveBenchmark(server, client, script, ca).run(requests, tasks);
            int violations = server.violations();
            if (violations != 0) {
                throw new IllegalStateException(violations + " request(s) violated the PVE schema");
            }
            client.close();
        } finally {
            Bench.deleteTree(work);
        }
    }

    private void run(int requests, int tasks) throws Exception {
        int guests = client.cluster().resources().size();
        OUT.printf("fake cluster: %d resources (200 guests on 2 nodes), schema checked on every request%n%n", guests);

        // Warm the server first (with proxmoxer) so that its JIT warm-up is charged to neither client.
        python("resources", "300");
        double opsCold = opsResources(requests);
        // The JIT is still compiling the client after its first run: warm it further, unreported (the
        // cold figure above is reported on its own). proxmoxer runs on CPython, which has no JIT to warm.
        opsResources(WARMUP_ROUNDS * requests);
        List<Double> opsRuns = new ArrayList<>();
        List<Double> pyRuns = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            opsRuns.add(opsResources(requests));
            pyRuns.add(python("resources", Integer.toString(requests)).get("seconds").asDouble());
        }
        double ops = Bench.median(opsRuns);
        double py = Bench.median(pyRuns);
        OUT.printf("(a) %d sequential GET /cluster/resources, median of %d alternating rounds%n", requests, ROUNDS);
        OUT.printf("    ops-pve     %8.0f req/s  (%.3f s; rounds %s)%n", requests / ops, ops, rounded(opsRuns));
        OUT.printf("    ops-pve, first run in a fresh JVM %8.0f req/s  (%.3f s)%n", requests / opsCold, opsCold);
        OUT.printf("    proxmoxer   %8.0f req/s  (%.3f s; rounds %s)%n", requests / py, py, rounded(pyRuns));
        OUT.printf("    ratio       %8.2fx   (target >= 3)%n%n", py / ops);

        OUT.printf("(b) waiting for tasks: lag after the task's end (median, ms) and status polls (median), %d tasks each%n", tasks);
        OUT.printf("    %-8s %-28s %10s %8s %s%n", "task", "waiter", "lag ms", "polls", "all lags ms / polls");
        for (Duration d : DURATIONS) {
            server.taskDuration(d);
            List<double[]> opsTasks = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                opsTasks.add(opsTask(d));
            }
            List<double[]> pyTasks = new ArrayList<>();
            for (int i = 0; i < Math.min(tasks, 3); i++) {
                pyTasks.add(pythonTask(d, 1.0));
            }
            row(d, "ops-pve (adaptive)", opsTasks);
            row(d, "proxmoxer loop, 1 s interval", pyTasks);
        }
        OUT.println("    targets: median lag < 100 ms; at most 15 polls for the 5 s task");
    }

    private static List<String> rounded(List<Double> seconds) {
        return seconds.stream().map(x -> String.format("%.3f", x)).toList();
    }

    private double opsResources(int requests) {
        long t0 = System.nanoTime();
        int seen = 0;
        for (int i = 0; i < requests; i++) {
            seen += client.cluster().resources().size();
        }
        if (seen != requests * BenchCluster.RESOURCES) {
            throw new IllegalStateException("unexpected resource count " + seen);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private double[] opsTask(Duration d) {
        Guest g = client.node(NODE).qemu().vm(BenchCluster.stoppedVm(startedVms++));
        // The raw API: this measures task waiting, not the change model around it.
        ProxmoxTask task = client.api().task("POST", "/nodes/{node}/qemu/{vmid}/status/start", java.util.Map.of("node", NODE, "vmid", g.vmid()));
        long posted = System.nanoTime();
        TaskOutcome outcome = task.await(Duration.ofMinutes(2));
        long seen = System.nanoTime();
        if (!outcome.succeeded()) {
            throw new IllegalStateException("task failed: " + outcome);
        }
        return new double[] {(seen - posted - d.toNanos()) / 1e6, outcome.polls()};
    }

    private double[] pythonTask(Duration d, double interval) throws Exception {
        int vmid = BenchCluster.stoppedVm(startedVms++);
        JsonNode r = python("task", NODE, Integer.toString(vmid), Double.toString(interval));
        double lag = (r.get("seen").asDouble() - r.get("posted").asDouble()) * 1000 - d.toMillis();
        return new double[] {lag, r.get("polls").asInt()};
    }

    private static void row(Duration d, String who, List<double[]> runs) {
        double[] lags = runs.stream().mapToDouble(r -> r[0]).sorted().toArray();
        double[] polls = runs.stream().mapToDouble(r -> r[1]).sorted().toArray();
        OUT.printf("    %-8s %-28s %10.0f %8.0f %s%n", d.toMillis() + " ms", who, lags[lags.length / 2], polls[polls.length / 2],
                runs.stream().map(r -> String.format("%.0f/%.0f", r[0], r[1])).toList());
    }

    private JsonNode python(String... modeArgs) throws Exception {
        List<String> argv = new ArrayList<>(List.of("/usr/bin/python3", script.toString(), server.host() + ":" + server.port(),
                token.userid(), token.name(), token.secret(), caFile.toString()));
        argv.addAll(List.of(modeArgs));
        Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("proxmoxer run failed: " + out);
        }
        return Json.mapper().readTree(out);
    }
}
