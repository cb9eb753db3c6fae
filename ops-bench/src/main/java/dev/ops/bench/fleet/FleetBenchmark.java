package dev.ops.bench.fleet;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.core.fleet.Fleet;
import dev.ops.core.fleet.FleetResult;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.core.host.SshHost;
import dev.ops.bench.support.Ansible;
import dev.ops.bench.support.Bench;
import dev.ops.core.testing.Sshd;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Gathers hostname, kernel, load average and memory from 50 real sshd on loopback (started in a
 * private mount namespace by {@link Sshd}) and compares wall times:
 *
 * <ol>
 *   <li>(a) ops {@link Fleet} over {@link SshHost}s that connect for the run (new connections),
 *   <li>(b) ops again over the now warm pooled connections,
 *   <li>(c) OpenSSH {@code ssh} x50 in parallel (BatchMode, same key, a known_hosts file),
 *   <li>(d) Ansible, when installed: {@code -m raw}, {@code -m command} with pipelining and
 *       {@code -m setup}, forks 50.
 * </ol>
 *
 * <p>Arguments: {@code --hosts N} (default 50), {@code --runs N} (default 3; the median is reported),
 * {@code --no-ansible}. Must run as root (the servers run in a mount namespace). Prints a table.
 */
public final class FleetBenchmark {
    private static final PrintStream OUT = System.out;

    private final Sshd sshd;
    private final int runs;
    private final boolean ansible;
    private final Path work;
    private static boolean opsOnly;
    private final Ansible ansibleRunner;

    private FleetBenchmark(Sshd sshd, int runs, boolean ansible, Path work) {
        this.sshd = sshd;
        this.runs = runs;
        this.ansible = ansible;
        this.work = work;
        this.ansibleRunner = new Ansible(work, sshd);
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        int hosts = 50;
        int runs = 3;
        boolean ansible = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--hosts" -> hosts = AsciiNumbers.parseInt(args[++i]);
                case "--runs" -> runs = AsciiNumbers.parseInt(args[++i]);
                case "--no-ansible" -> ansible = false;
                case "--ops-only" -> {
                    ansible = false;
                    opsOnly = true;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --hosts N, --runs N, --no-ansible, --ops-only)");
            }
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("run as root: the sshd servers start in a private mount namespace");
        }
        Path work = Files.createTempDirectory("ops-fleet-bench-");
        long t0 = System.nanoTime();
        try (Sshd sshd = Sshd.builder().daemons(hosts).logLevel("ERROR").parentDir(work).start()) {
            OUT.printf("started %d sshd on 127.0.0.1 ports %d..%d in %d ms%n", hosts, sshd.ports().get(0),
                    sshd.ports().get(hosts - 1), (System.nanoTime() - t0) / 1_000_000);
            boolean haveAnsible = ansible && Bench.onPath("ansible");
            if (ansible && !haveAnsible) {
                OUT.println("ansible is not installed: skipping the Ansible rows");
            }
            new FleetBenchmark(sshd, runs, haveAnsible, work).run();
        } finally {
            Bench.deleteTree(work);
        }
    }

    private void run() throws Exception {
        OUT.println(Bench.machine(work));
        Map<String, List<Double>> times = new LinkedHashMap<>();
        // The first ops run in a fresh JVM pays class loading and JIT warm-up: reported on its own.
        double cold = opsNewConnections(true);
        // Before OpenSSH and Ansible run: their connections (ControlPersist masters linger for a
        // minute) would be counted as server CPU when they close.
        List<String> breakdown = costBreakdown();
        for (int r = 0; r < runs; r++) {
            OUT.printf("run %d/%d%n", r + 1, runs);
            List<SshHost> hosts = newHosts();
            try {
                times.computeIfAbsent("(a) ops Fleet, new connections", k -> new ArrayList<>()).add(opsRun(hosts, "a"));
                times.computeIfAbsent("(b) ops Fleet, pooled warm connections", k -> new ArrayList<>()).add(opsRun(hosts, "b"));
            } finally {
                hosts.forEach(SshHost::close);
            }
            if (!opsOnly) {
                times.computeIfAbsent("(c) OpenSSH ssh x" + sshd.ports().size() + " in parallel", k -> new ArrayList<>())
                        .add(openSsh());
            }
            if (ansible) {
                times.computeIfAbsent("(d1) ansible -m raw", k -> new ArrayList<>()).add(ansibleRunner.fleet("raw", Facts.SCRIPT));
                times.computeIfAbsent("(d2) ansible -m command (pipelining)", k -> new ArrayList<>())
                        .add(ansibleRunner.fleet("command", Facts.SCRIPT));
                times.computeIfAbsent("(d3) ansible -m setup", k -> new ArrayList<>()).add(ansibleRunner.fleet("setup", null));
            }
        }
        report(cold, times);
        breakdown.forEach(OUT::println);
    }

    /**
     * Where the time goes, in CPU rather than wall time (wall time on a shared machine depends on
     * what else runs): CPU of the servers (sshd, the login shell, the command) and of this JVM, per
     * new connection with its first command, and per further command on a pooled connection.
     */
    private List<String> costBreakdown() throws InterruptedException {
        int n = sshd.ports().size();
        int extra = 10;
        Command facts = Command.of(Facts.ARGV);
        long[] server = new long[3];
        long[] jvm = new long[3];
        server[0] = sshd.serverCpuOfClosedConnections().toMillis();
        jvm[0] = cpuNanos();
        for (int phase = 1; phase <= 2; phase++) {
            List<SshHost> hosts = newHosts();
            int rounds = phase == 1 ? 1 : 1 + extra;
            for (int r = 0; r < rounds; r++) {
                FleetResult<String> res = Fleet.of(hosts).parallelism(n).run((Host h) -> h.check(facts).stdoutText());
                if (!res.allOk()) {
                    throw new IllegalStateException("breakdown: " + res.summary());
                }
            }
            hosts.forEach(SshHost::close);
            for (int i = 0; i < 100 && sshd.connections() > 0; i++) {
                Thread.sleep(100);
            }
            Thread.sleep(300);
            server[phase] = sshd.serverCpuOfClosedConnections().toMillis();
            jvm[phase] = cpuNanos();
        }
        double serverConn = (server[1] - server[0]) / (double) n;
        double serverCmd = ((server[2] - server[1]) - (server[1] - server[0])) / (double) (n * extra);
        double jvmConn = (jvm[1] - jvm[0]) / 1e6 / n;
        double jvmCmd = ((jvm[2] - jvm[1]) - (jvm[1] - jvm[0])) / 1e6 / (n * extra);
        return List.of("",
                "CPU per host, measured before (c) and (d) ran (server: sshd, login shell and command, 10 ms ticks):",
                String.format("  new connection + 1 command: server %.1f ms, ops JVM %.1f ms", serverConn, jvmConn),
                String.format("  1 more pooled command:      server %.1f ms, ops JVM %.1f ms", serverCmd, jvmCmd),
                String.format("  CPU-bound floor of (b)/(a): %.2f", (serverCmd + jvmCmd) / (serverConn + jvmConn)));
    }

    private double opsNewConnections(boolean log) {
        List<SshHost> hosts = newHosts();
        try {
            double t = opsRun(hosts, "cold");
            if (log) {
                OUT.printf("(a) in a fresh JVM (first run, class loading and JIT included): %.3f s%n", t);
            }
            return t;
        } finally {
            hosts.forEach(SshHost::close);
        }
    }

    private List<SshHost> newHosts() {
        List<SshHost> hosts = new ArrayList<>();
        for (int i = 0; i < sshd.ports().size(); i++) {
            hosts.add(SshHost.builder().name(String.format("node-%02d", i)).host(Sshd.HOST).port(sshd.ports().get(i))
                    .user("root").privateKey(sshd.clientKey()).knownHosts(sshd.knownHosts()).build());
        }
        return hosts;
    }

    private double opsRun(List<SshHost> hosts, String label) {
        Command facts = Command.of(Facts.ARGV);
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        FleetResult<Facts> r = Fleet.of(hosts).parallelism(hosts.size()).perHostTimeout(Duration.ofSeconds(60))
                .run((Host h) -> Facts.parse(h.check(facts).stdoutText()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        OUT.printf("  ops %-5s %.3f s wall, %.3f s JVM CPU%n", label, seconds, (cpuNanos() - cpu0) / 1e9);
        if (!r.allOk()) {
            throw new IllegalStateException("ops run " + label + ": " + r.summary() + " " + r.problems());
        }
        if ("cold".equals(label)) {
            OUT.println("sample: " + r.values().values().iterator().next());
        }
        return seconds;
    }

    private double openSsh() throws Exception {
        List<Process> processes = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int port : sshd.ports()) {
            processes.add(new ProcessBuilder("ssh", "-F", "/dev/null", "-o", "BatchMode=yes",
                    "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + sshd.knownHosts(),
                    "-o", "GlobalKnownHostsFile=/dev/null", "-o", "IdentitiesOnly=yes", "-i", sshd.clientKey().toString(),
                    "-p", String.valueOf(port), "root@" + Sshd.HOST, Facts.SCRIPT)
                    .redirectErrorStream(true).start());
        }
        List<String> outputs = new ArrayList<>();
        for (Process p : processes) {
            p.getOutputStream().close();
            outputs.add(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("ssh failed: " + outputs.get(outputs.size() - 1));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        outputs.forEach(Facts::parse);
        return seconds;
    }

    private void report(double cold, Map<String, List<Double>> times) {
        Map<String, Double> median = new LinkedHashMap<>();
        times.forEach((k, v) -> median.put(k, Bench.median(v)));
        OUT.println();
        OUT.printf("%-44s %9s %9s %9s   %s%n", "method (" + sshd.ports().size() + " hosts, " + runs + " runs)", "median s",
                "min s", "max s", "all runs");
        times.forEach((k, v) -> OUT.printf("%-44s %9.3f %9.3f %9.3f   %s%n", k, Bench.median(v),
                v.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                v.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                v.stream().map(d -> String.format("%.3f", d)).toList()));
        OUT.printf("%-44s %9.3f%n", "(a) first run in a fresh JVM", cold);
        double a = Bench.find(median, "(a)");
        double b = Bench.find(median, "(b)");
        OUT.println();
        if (!opsOnly) {
            OUT.printf("(a)/(c) = %.2f   (target <= 0.75)%n", a / Bench.find(median, "(c)"));
        }
        OUT.printf("(b)/(a) = %.3f  (target <= 0.10)%n", b / a);
        if (ansible) {
            OUT.printf("ansible -m raw / (a)     = %.1fx%n", Bench.find(median, "(d1)") / a);
            OUT.printf("ansible -m command / (a) = %.1fx   (target >= 5)%n", Bench.find(median, "(d2)") / a);
            OUT.printf("ansible -m setup / (a)   = %.1fx%n", Bench.find(median, "(d3)") / a);
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

}
