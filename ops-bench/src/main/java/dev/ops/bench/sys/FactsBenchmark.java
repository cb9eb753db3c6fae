package dev.ops.bench.sys;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.core.fleet.Fleet;
import dev.ops.core.fleet.FleetResult;
import dev.ops.core.host.Host;
import dev.ops.core.host.LocalHost;
import dev.ops.core.host.SshHost;
import dev.ops.bench.support.Ansible;
import dev.ops.bench.support.Bench;
import dev.ops.core.testing.Sshd;
import dev.ops.sys.facts.Facts;
import dev.ops.sys.facts.HostFacts;
import dev.ops.sys.metrics.Metrics;
import dev.ops.sys.metrics.Reading;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Times ops-sys facts ({@link Facts#gather()}) plus one metrics reading ({@link Metrics#read()}) on the
 * local host and on 50 real sshd on loopback (started in a private mount namespace by {@link Sshd}),
 * next to {@code ansible -m setup} on the same hosts:
 *
 * <ol>
 *   <li>local: cold (first calls in a fresh JVM, one child JVM per run), warm (median of many calls
 *       in this JVM), and {@code ansible localhost -c local -m setup};
 *   <li>SSH, {@code Fleet.of(hosts).parallelism(50)}: cold (new connections, first run in a fresh child
 *       JVM), new connections in a warm JVM, pooled warm connections, and {@code ansible -m setup}
 *       with forks 50, pipelining and a fresh ControlPersist path per run.
 * </ol>
 *
 * <p>Arguments: {@code --hosts N} (default 50), {@code --runs N} (default 5; medians are reported),
 * {@code --local-calls N} (warm local calls per run, default 20), {@code --no-ansible}. Must run as
 * root (the servers run in a mount namespace). Prints a table with ops/ansible ratios.
 */
public final class FactsBenchmark {
    private static final PrintStream OUT = System.out;
    private static final String COLD_PREFIX = "COLD ";

    private final Sshd sshd;
    private final int runs;
    private final int localCalls;
    private final boolean ansible;
    private final Path work;
    private final Map<String, List<Double>> times = new LinkedHashMap<>();
    private final Ansible ansibleRunner;

    private FactsBenchmark(Sshd sshd, int runs, int localCalls, boolean ansible, Path work) {
        this.sshd = sshd;
        this.runs = runs;
        this.localCalls = localCalls;
        this.ansible = ansible;
        this.work = work;
        this.ansibleRunner = new Ansible(work, sshd);
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--cold-local")) {
            coldLocal();
            return;
        }
        if (args.length > 0 && args[0].equals("--cold-ssh")) {
            coldSsh(args[1], Path.of(args[2]), Path.of(args[3]));
            return;
        }
        int hosts = 50;
        int runs = 5;
        int localCalls = 20;
        boolean ansible = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--hosts" -> hosts = AsciiNumbers.parseInt(args[++i]);
                case "--runs" -> runs = AsciiNumbers.parseInt(args[++i]);
                case "--local-calls" -> localCalls = AsciiNumbers.parseInt(args[++i]);
                case "--no-ansible" -> ansible = false;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --hosts N, --runs N, --local-calls N, --no-ansible)");
            }
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("run as root: the sshd servers start in a private mount namespace");
        }
        Path work = Files.createTempDirectory("ops-facts-bench-");
        OUT.println(Bench.machine(work));
        OUT.println("load average at start: " + Bench.loadAverage());
        long t0 = System.nanoTime();
        try (Sshd sshd = Sshd.builder().daemons(hosts).logLevel("ERROR").parentDir(work).start()) {
            OUT.printf("started %d sshd on %s ports %d..%d in %d ms%n", hosts, Sshd.HOST, sshd.ports().get(0),
                    sshd.ports().get(hosts - 1), (System.nanoTime() - t0) / 1_000_000);
            boolean haveAnsible = ansible && Bench.onPath("ansible");
            if (ansible && !haveAnsible) {
                OUT.println("ansible is not installed: skipping the Ansible rows");
            }
            new FactsBenchmark(sshd, runs, localCalls, haveAnsible, work).run();
        } finally {
            Bench.deleteTree(work);
        }
        OUT.println("load average at end: " + Bench.loadAverage());
    }

    private void run() throws Exception {
        int n = sshd.ports().size();
        for (int r = 0; r < runs; r++) {
            OUT.printf("run %d/%d (load %s)%n", r + 1, runs, Bench.loadAverage());
            // Cold rows: a fresh JVM per run, so that every run pays class loading and JIT again.
            double[] local = child("--cold-local");
            add("L1 ops local, cold JVM: facts", local[0]);
            add("L2 ops local, cold JVM: metrics", local[1]);
            add("L3 ops local, cold JVM: facts + metrics", local[2]);
            add("L3 whole fresh JVM process (java start to exit)", local[3]);
            localWarm();
            if (ansible) {
                add("L5 ansible localhost -c local -m setup", ansibleLocalSetup());
            }
            String ports = String.join(",", sshd.ports().stream().map(String::valueOf).toList());
            double[] cold = child("--cold-ssh", ports, sshd.clientKey().toString(), sshd.knownHosts().toString());
            add("S1 ops Fleet, cold JVM, new connections", cold[0]);
            add("S1 per-host median latency", cold[1]);
            add("S1 whole fresh JVM process (java start to exit)", cold[2]);
            List<SshHost> hosts = newHosts();
            try {
                double[] fresh = opsRun(hosts, "new connections");
                add("S2 ops Fleet, warm JVM, new connections", fresh[0]);
                add("S2 per-host median latency", fresh[1]);
                double[] pooled = opsRun(hosts, "pooled");
                add("S3 ops Fleet, pooled warm connections", pooled[0]);
                add("S3 per-host median latency", pooled[1]);
            } finally {
                hosts.forEach(SshHost::close);
            }
            if (ansible) {
                add("S4 ansible -m setup, forks " + n, ansibleFleetSetup());
            }
        }
        report(n);
    }

    private void add(String row, double seconds) {
        times.computeIfAbsent(row, k -> new ArrayList<>()).add(seconds);
    }

    /** Warm local calls in this JVM: a few warm-up calls, then the median of {@code localCalls}. */
    private void localWarm() {
        LocalHost local = LocalHost.create();
        for (int i = 0; i < 5; i++) {
            Facts.of(local).gather();
            Metrics.of(local).read();
        }
        List<Double> facts = new ArrayList<>();
        List<Double> metrics = new ArrayList<>();
        List<Double> both = new ArrayList<>();
        for (int i = 0; i < localCalls; i++) {
            long t0 = System.nanoTime();
            Facts.of(local).gather();
            long t1 = System.nanoTime();
            Metrics.of(local).read();
            long t2 = System.nanoTime();
            facts.add((t1 - t0) / 1e9);
            metrics.add((t2 - t1) / 1e9);
            both.add((t2 - t0) / 1e9);
        }
        add("L4 ops local, warm: facts", Bench.median(facts));
        add("L4 ops local, warm: metrics", Bench.median(metrics));
        add("L4 ops local, warm: facts + metrics", Bench.median(both));
    }

    /** What one host does in every ops row: gather facts, then take one metrics reading. */
    private record Sample(HostFacts facts, Reading reading, long nanos) {
        static Sample of(Host h) {
            long t0 = System.nanoTime();
            HostFacts f = Facts.of(h).gather();
            Reading r = Metrics.of(h).read();
            return new Sample(f, r, System.nanoTime() - t0);
        }
    }

    /** Wall seconds and median per-host seconds of one facts + metrics round over {@code hosts}. */
    private static double[] opsRun(List<SshHost> hosts, String label) {
        long t0 = System.nanoTime();
        FleetResult<Sample> r = Fleet.of(hosts).parallelism(hosts.size()).perHostTimeout(Duration.ofSeconds(60))
                .run(Sample::of);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!r.allOk()) {
            throw new IllegalStateException("ops run " + label + ": " + r.summary() + " " + r.problems());
        }
        for (Sample s : r.values().values()) {
            if (s.facts().kernel() == null || s.reading().cpu() == null) {
                throw new IllegalStateException("ops run " + label + ": empty facts or reading " + s);
            }
        }
        double perHost = Bench.median(r.values().values().stream().map(s -> s.nanos() / 1e9).toList());
        OUT.printf("  ops %-16s %.3f s wall, per-host median %.3f s%n", label, seconds, perHost);
        return new double[] {seconds, perHost};
    }

    /** Child JVM: the first facts and metrics calls on the local host. */
    private static void coldLocal() {
        LocalHost local = LocalHost.create();
        long t0 = System.nanoTime();
        HostFacts f = Facts.of(local).gather();
        long t1 = System.nanoTime();
        Reading r = Metrics.of(local).read();
        long t2 = System.nanoTime();
        if (f.kernel() == null || r.cpu() == null) {
            throw new IllegalStateException("empty local facts or reading");
        }
        System.err.println("local sample: kernel " + f.kernel().release() + ", " + f.memory().totalBytes() + " bytes of memory, cpu "
                + r.cpu());
        OUT.println(COLD_PREFIX + (t1 - t0) / 1e9 + " " + (t2 - t1) / 1e9 + " " + (t2 - t0) / 1e9);
    }

    /** Child JVM: the first Fleet round over new connections. */
    private static void coldSsh(String ports, Path key, Path knownHosts) {
        List<SshHost> hosts = new ArrayList<>();
        String[] p = ports.split(",");
        for (int i = 0; i < p.length; i++) {
            hosts.add(host(i, AsciiNumbers.parseInt(p[i]), key, knownHosts));
        }
        try {
            double[] t = opsRun(hosts, "cold");
            OUT.println(COLD_PREFIX + t[0] + " " + t[1]);
        } finally {
            hosts.forEach(SshHost::close);
        }
    }

    /** Runs a fresh child JVM; its printed figures, then the wall time of the whole process (JVM start to exit). */
    private double[] child(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FactsBenchmark.class.getName()));
        argv.addAll(List.of(args));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = p.waitFor(300, TimeUnit.SECONDS);
        double process = (System.nanoTime() - t0) / 1e9;
        if (!done || p.exitValue() != 0) {
            throw new IllegalStateException("child JVM " + args[0] + " failed:\n" + out);
        }
        String line = out.lines().filter(l -> l.startsWith(COLD_PREFIX)).findFirst()
                .orElseThrow(() -> new IllegalStateException("child JVM " + args[0] + " printed no result:\n" + out));
        out.lines().filter(l -> !l.startsWith(COLD_PREFIX)).forEach(l -> OUT.println("  [child] " + l));
        double[] in = Arrays.stream(line.substring(COLD_PREFIX.length()).split(" ")).mapToDouble(Double::parseDouble).toArray();
        double[] withProcess = Arrays.copyOf(in, in.length + 1);
        withProcess[in.length] = process;
        return withProcess;
    }

    private List<SshHost> newHosts() {
        List<SshHost> hosts = new ArrayList<>();
        for (int i = 0; i < sshd.ports().size(); i++) {
            hosts.add(host(i, sshd.ports().get(i), sshd.clientKey(), sshd.knownHosts()));
        }
        return hosts;
    }

    private static SshHost host(int i, int port, Path key, Path knownHosts) {
        return SshHost.builder().name(String.format("node-%02d", i)).host(Sshd.HOST).port(port).user("root")
                .privateKey(key).knownHosts(knownHosts).build();
    }

    /**
     * {@code ansible -m setup}: on the local host with {@code -c local}, or on every sshd with forks
     * N, pipelining and ControlPersist (ansible's default ssh_args) under a fresh control path.
     */
    private void report(int n) {
        Map<String, Double> med = new LinkedHashMap<>();
        times.forEach((k, v) -> med.put(k, Bench.median(v)));
        OUT.println();
        OUT.printf("%-50s %9s %9s %9s %12s   %s%n", "row (" + n + " SSH hosts, " + runs + " runs)", "median s", "min s",
                "max s", "wall/host ms", "all runs (s)");
        times.forEach((k, v) -> {
            boolean fleetWall = k.startsWith("S") && !k.contains("per-host") && !k.contains("process");
            OUT.printf("%-50s %9.3f %9.3f %9.3f %12s   %s%n", k, med.get(k),
                    v.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    v.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                    fleetWall ? String.format("%.1f", med.get(k) * 1000 / n) : "",
                    v.stream().map(d -> String.format("%.3f", d)).toList());
        });
        if (!ansible) {
            return;
        }
        OUT.println();
        double al = med.get("L5 ansible localhost -c local -m setup");
        double as = Bench.find(med, "S4");
        OUT.printf("ansible local setup / ops local cold (facts + metrics) = %.1fx%n", al / med.get("L3 ops local, cold JVM: facts + metrics"));
        OUT.printf("ansible local setup / ops local fresh JVM process      = %.1fx%n", al / Bench.find(med, "L3 whole"));
        OUT.printf("ansible local setup / ops local warm (facts + metrics) = %.1fx%n", al / med.get("L4 ops local, warm: facts + metrics"));
        OUT.printf("ansible setup x%d / ops cold JVM, new connections      = %.1fx%n", n, as / Bench.find(med, "S1 ops"));
        OUT.printf("ansible setup x%d / ops fresh JVM process, new conns   = %.1fx%n", n, as / Bench.find(med, "S1 whole"));
        OUT.printf("ansible setup x%d / ops warm JVM, new connections      = %.1fx%n", n, as / Bench.find(med, "S2 ops"));
        OUT.printf("ansible setup x%d / ops pooled warm connections        = %.1fx%n", n, as / Bench.find(med, "S3 ops"));
    }

    private double ansibleFleetSetup() throws Exception {
        double seconds = ansibleRunner.fleet("setup", null);
        OUT.printf("  ansible setup %-5s %.3f s%n", "ssh", seconds);
        return seconds;
    }

    private double ansibleLocalSetup() throws Exception {
        double seconds = ansibleRunner.local("setup");
        OUT.printf("  ansible setup %-5s %.3f s%n", "local", seconds);
        return seconds;
    }
}
