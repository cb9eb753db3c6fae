package dev.ops.bench.fleet;

import dev.ops.core.fleet.Fleet;
import dev.ops.core.fleet.FleetResult;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.core.host.SshHost;
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
    private int ansibleRuns;

    private FleetBenchmark(Sshd sshd, int runs, boolean ansible, Path work) {
        this.sshd = sshd;
        this.runs = runs;
        this.ansible = ansible;
        this.work = work;
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        int hosts = 50;
        int runs = 3;
        boolean ansible = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--hosts" -> hosts = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
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
            boolean haveAnsible = ansible && onPath("ansible");
            if (ansible && !haveAnsible) {
                OUT.println("ansible is not installed: skipping the Ansible rows");
            }
            new FleetBenchmark(sshd, runs, haveAnsible, work).run();
        } finally {
            deleteTree(work);
        }
    }

    private void run() throws Exception {
        OUT.println(machine(work));
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
                times.computeIfAbsent("(d1) ansible -m raw", k -> new ArrayList<>()).add(ansible("raw", Facts.SCRIPT));
                times.computeIfAbsent("(d2) ansible -m command (pipelining)", k -> new ArrayList<>())
                        .add(ansible("command", Facts.SCRIPT));
                times.computeIfAbsent("(d3) ansible -m setup", k -> new ArrayList<>()).add(ansible("setup", null));
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

    private double ansible(String module, String args) throws Exception {
        // Short: ssh's ControlPath (a Unix socket path, at most 107 bytes) lives under it.
        Path dir = Files.createDirectory(work.resolve("a" + ansibleRuns++));
        Path inventory = dir.resolve("hosts.ini");
        StringBuilder inv = new StringBuilder("[fleet]\n");
        for (int i = 0; i < sshd.ports().size(); i++) {
            inv.append(String.format("node-%02d ansible_host=%s ansible_port=%d%n", i, Sshd.HOST, sshd.ports().get(i)));
        }
        inv.append("[fleet:vars]\nansible_user=root\nansible_ssh_private_key_file=").append(sshd.clientKey())
                .append("\nansible_python_interpreter=/usr/bin/python3\n");
        Files.writeString(inventory, inv.toString());
        Path cfg = dir.resolve("ansible.cfg");
        Files.writeString(cfg, String.join("\n",
                "[defaults]",
                "forks = " + sshd.ports().size(),
                "host_key_checking = True",
                "gathering = explicit",
                "retry_files_enabled = False",
                "[ssh_connection]",
                "pipelining = True",
                // ansible's own default ssh_args, plus the benchmark's known_hosts file
                "ssh_args = -C -o ControlMaster=auto -o ControlPersist=60s -o UserKnownHostsFile=" + sshd.knownHosts()
                        + " -o GlobalKnownHostsFile=/dev/null",
                ""));
        List<String> argv = new ArrayList<>(List.of("ansible", "fleet", "-i", inventory.toString(), "-m", module,
                "-f", String.valueOf(sshd.ports().size()), "-o"));
        if (args != null) {
            argv.addAll(List.of("-a", args));
        }
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("ANSIBLE_CONFIG", cfg.toString());
        env.put("ANSIBLE_HOME", dir.resolve("home").toString());
        env.put("ANSIBLE_LOCAL_TEMP", dir.resolve("tmp").toString());
        // A fresh control path per run: every run starts without master connections, like (a) and (c).
        env.put("ANSIBLE_SSH_CONTROL_PATH_DIR", dir.resolve("cp").toString());
        env.put("ANSIBLE_NOCOLOR", "1");
        env.put("HOME", dir.toString());
        long t0 = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = p.waitFor(300, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long ok = out.lines().filter(l -> l.contains("| SUCCESS") || l.contains("| CHANGED")).count();
        if (!done || p.exitValue() != 0 || ok != sshd.ports().size()) {
            throw new IllegalStateException("ansible -m " + module + " failed (" + ok + " ok):\n"
                    + out.substring(0, Math.min(out.length(), 3000)));
        }
        return seconds;
    }

    private void report(double cold, Map<String, List<Double>> times) {
        Map<String, Double> median = new LinkedHashMap<>();
        times.forEach((k, v) -> median.put(k, median(v)));
        OUT.println();
        OUT.printf("%-44s %9s %9s %9s   %s%n", "method (" + sshd.ports().size() + " hosts, " + runs + " runs)", "median s",
                "min s", "max s", "all runs");
        times.forEach((k, v) -> OUT.printf("%-44s %9.3f %9.3f %9.3f   %s%n", k, median(v),
                v.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                v.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                v.stream().map(d -> String.format("%.3f", d)).toList()));
        OUT.printf("%-44s %9.3f%n", "(a) first run in a fresh JVM", cold);
        double a = find(median, "(a)");
        double b = find(median, "(b)");
        OUT.println();
        if (!opsOnly) {
            OUT.printf("(a)/(c) = %.2f   (target <= 0.75)%n", a / find(median, "(c)"));
        }
        OUT.printf("(b)/(a) = %.3f  (target <= 0.10)%n", b / a);
        if (ansible) {
            OUT.printf("ansible -m raw / (a)     = %.1fx%n", find(median, "(d1)") / a);
            OUT.printf("ansible -m command / (a) = %.1fx   (target >= 5)%n", find(median, "(d2)") / a);
            OUT.printf("ansible -m setup / (a)   = %.1fx%n", find(median, "(d3)") / a);
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double find(Map<String, Double> median, String prefix) {
        return median.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).findFirst().orElseThrow().getValue();
    }

    private static double median(List<Double> v) {
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String machine(Path work) {
        String cpu = "?";
        String mem = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
            mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        } catch (IOException e) {
            // informational only
        }
        return "machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (" + cpu + "), " + mem + ", "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", "
                + version(work, "ssh", "-V") + ", " + (onPath("ansible") ? version(work, "ansible", "--version") : "no ansible");
    }

    private static String version(Path work, String... argv) {
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
            // ansible creates ~/.ansible/tmp even for --version: keep it in the benchmark's directory
            pb.environment().put("HOME", work.toString());
            pb.environment().put("ANSIBLE_HOME", work.resolve("ansible-home").toString());
            pb.environment().put("ANSIBLE_LOCAL_TEMP", work.resolve("ansible-tmp").toString());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(10, TimeUnit.SECONDS);
            return out.lines().findFirst().orElse("");
        } catch (IOException e) {
            return argv[0] + " ?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return argv[0] + " ?";
        }
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

}
