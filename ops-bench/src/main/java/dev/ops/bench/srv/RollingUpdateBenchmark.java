package dev.ops.bench.srv;

import dev.ops.bench.support.Bench;
import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.file.ManagedFile;
import dev.ops.core.host.LocalHost;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.srv.haproxy.HaproxyRuntime;
import dev.ops.srv.haproxy.ServerStat;
import dev.ops.srv.health.HealthCheck;
import dev.ops.srv.health.Probe;
import dev.ops.srv.rollout.Rollouts;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A rolling update of 10 backends behind a real HAProxy on loopback while a bounded open-loop load
 * sends about 200 requests/s through it: ops-srv's {@code Rollouts.rolling} (batch 1, at most 1
 * unavailable, drain, sessions gate, update, health gate on the new version, ready) next to an
 * Ansible playbook doing the same with {@code serial: 1} and {@code community.general.haproxy}
 * (drain and wait for sessions, copy, wait for the new version with {@code uri}, enable and wait for
 * UP). A deploy is a version file the backend watches: it restarts (listener closed, connections cut,
 * bound again {@code --start-ms} later) as a service restarted by its deploy does.
 *
 * <p>A control run restarts each backend in turn without draining it, to show that the load sees what a
 * careless rollout drops.
 *
 * <p>Arguments: {@code --backends N} (10), {@code --rate N} (requests/s, 200), {@code --runs N} (3),
 * {@code --start-ms N} (300), {@code --no-ansible}. Prints, per tool, total seconds and failed requests.
 */
public final class RollingUpdateBenchmark {
    private static final PrintStream OUT = System.out;

    private RollingUpdateBenchmark() {}

    public static void main(String[] args) throws Exception {
        int backends = 10;
        int rate = 200;
        int runs = 3;
        long startMs = 300;
        boolean ansible = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--backends" -> backends = AsciiNumbers.parseInt(args[++i]);
                case "--rate" -> rate = AsciiNumbers.parseInt(args[++i]);
                case "--runs" -> runs = AsciiNumbers.parseInt(args[++i]);
                case "--start-ms" -> startMs = AsciiNumbers.parseLong(args[++i]);
                case "--no-ansible" -> ansible = false;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("srv-bench");
        OUT.println(Bench.machine(work) + ", " + Bench.version(work, "haproxy", "-v"));
        OUT.println("load average before: " + Bench.loadAverage());
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        Map<String, List<Long>> failures = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            Path dir = Files.createDirectory(work.resolve("run" + run));
            try (Backends b = new Backends(dir, backends, startMs); Haproxy h = new Haproxy(dir, b)) {
                record("ops-srv rolling", run, opsRolling(h, b, rate, "v2"), seconds, failures);
                record("no drain (control)", run, undrained(h, b, rate, "v2b"), seconds, failures);
                if (ansible) {
                    record("ansible serial 1", run, ansibleRolling(dir, h, b, rate, "v3"), seconds, failures);
                }
            }
        }
        OUT.println("load average after: " + Bench.loadAverage());
        OUT.printf("%n| %d backends, ~%d req/s | median s | failed requests per run |%n|---|---:|---|%n", backends, rate);
        seconds.forEach((k, v) -> OUT.printf("| %s | %.2f | %s |%n", k, Bench.median(v), failures.get(k)));
        Bench.deleteTree(work);
    }

    private static void record(String name, int run, double[] r, Map<String, List<Double>> seconds, Map<String, List<Long>> failures) {
        OUT.printf("run %d %-18s %6.2f s  sent %5d  failed %d%n", run, name, r[0], (long) r[1], (long) r[2]);
        seconds.computeIfAbsent(name, k -> new ArrayList<>()).add(r[0]);
        failures.computeIfAbsent(name, k -> new ArrayList<>()).add((long) r[2]);
    }

    /** {seconds, sent, failed}. */
    private static double[] opsRolling(Haproxy h, Backends b, int rate, String version) throws Exception {
        Ops ops = Ops.inMemory();
        LocalHost local = LocalHost.create();
        try (Load load = new Load(h.frontend, rate)) {
            Thread.sleep(500);
            long t0 = System.nanoTime();
            Applied<List<ServerStat>> done = Rollouts.on(h.runtime, ops).rolling(r -> r.backend("web").batchSize(1).maxUnavailable(1)
                    .update(s -> ManagedFile.on(local, ops).path(b.versionFile(s).toString()).content(version + "\n").present())
                    .checks(s -> List.of(HealthCheck.builder().name(s)
                            .probe(Probe.http(URI.create("http://127.0.0.1:" + b.ports().get(s) + "/")).bodyMatches(" " + version + "$"))
                            .period(Duration.ofMillis(50)).timeout(Duration.ofMillis(50)).successThreshold(2).failureThreshold(100).build())))
                    .apply();
            double s = (System.nanoTime() - t0) / 1e9;
            Thread.sleep(500);
            load.close();
            if (done.value().size() != b.ports().size()) {
                throw new IllegalStateException("rollout left " + done.value());
            }
            return new double[] {s, load.sent.get(), load.failed.get()};
        }
    }

    /** The control: each backend restarted in turn without draining it, waiting for its new version: the load must see failures. */
    private static double[] undrained(Haproxy h, Backends b, int rate, String version) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (Load load = new Load(h.frontend, rate)) {
            Thread.sleep(500);
            long t0 = System.nanoTime();
            for (Map.Entry<String, Integer> e : b.ports().entrySet()) {
                Files.writeString(b.versionFile(e.getKey()), version + "\n");
                URI uri = URI.create("http://127.0.0.1:" + e.getValue() + "/");
                while (true) {
                    try {
                        if (http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body().endsWith(" " + version)) {
                            break;
                        }
                    } catch (IOException restarting) {
                        // not back yet
                    }
                    Thread.sleep(20);
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            Thread.sleep(500);
            load.close();
            return new double[] {s, load.sent.get(), load.failed.get()};
        }
    }

    private static double[] ansibleRolling(Path dir, Haproxy h, Backends b, int rate, String version) throws Exception {
        Path inv = dir.resolve("hosts.ini");
        StringBuilder sb = new StringBuilder("[web]\n");
        b.ports().forEach((name, port) -> sb.append(name).append(" port=").append(port).append(" version_file=").append(b.versionFile(name))
                .append('\n'));
        sb.append("[web:vars]\nansible_connection=local\nansible_python_interpreter=/usr/bin/python3\n");
        Files.writeString(inv, sb.toString());
        Path play = dir.resolve("rolling.yml");
        Files.writeString(play, """
                - hosts: web
                  serial: 1
                  gather_facts: false
                  tasks:
                    - name: drain and wait for sessions to end
                      community.general.haproxy: {state: drain, host: "{{ inventory_hostname }}", backend: web, socket: "%1$s", drain: true, wait: true, wait_interval: 1}
                    - name: deploy
                      ansible.builtin.copy: {content: "%2$s\\n", dest: "{{ version_file }}"}
                    - name: wait for the new version
                      ansible.builtin.uri: {url: "http://127.0.0.1:{{ port }}/", return_content: true}
                      register: r
                      until: r.content is defined and r.content.endswith(' %2$s')
                      retries: 60
                      delay: 1
                    - name: back in traffic, wait for UP
                      community.general.haproxy: {state: enabled, host: "{{ inventory_hostname }}", backend: web, socket: "%1$s", wait: true, wait_interval: 1}
                """.formatted(h.socket, version));
        try (Load load = new Load(h.frontend, rate)) {
            Thread.sleep(500);
            ProcessBuilder pb = new ProcessBuilder("ansible-playbook", "-i", inv.toString(), play.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("ansible.log").toFile());
            pb.environment().put("ANSIBLE_HOME", dir.resolve("ansible-home").toString());
            pb.environment().put("ANSIBLE_LOCAL_TEMP", dir.resolve("ansible-tmp").toString());
            pb.environment().put("ANSIBLE_NOCOLOR", "1");
            pb.environment().put("ANSIBLE_RETRY_FILES_ENABLED", "0");
            long t0 = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("ansible-playbook failed: " + Files.readString(dir.resolve("ansible.log")));
            }
            double s = (System.nanoTime() - t0) / 1e9;
            Thread.sleep(500);
            load.close();
            return new double[] {s, load.sent.get(), load.failed.get()};
        }
    }

    /**
     * HAProxy on loopback in front of the backends, started with the stats socket at admin level, with
     * {@code retries 0}: by default HAProxy retries a refused connection for a while, which would hide
     * requests sent to a restarting backend (the control run loses none with the default).
     */
    static final class Haproxy implements AutoCloseable {
        final int frontend;
        final Path socket;
        final HaproxyRuntime runtime;
        private final Process process;

        Haproxy(Path dir, Backends b) throws Exception {
            frontend = freePort();
            socket = dir.resolve("admin.sock");
            StringBuilder servers = new StringBuilder();
            b.ports().forEach((n, p) -> servers.append("    server ").append(n).append(" 127.0.0.1:").append(p)
                    .append(" check inter 500ms fall 2 rise 2\n"));
            Path cfg = dir.resolve("haproxy.cfg");
            Files.writeString(cfg, """
                    global
                        stats socket %s mode 600 level admin
                    defaults
                        mode http
                        timeout connect 1s
                        timeout client 10s
                        timeout server 10s
                        retries 0
                    frontend fe
                        bind 127.0.0.1:%d
                        default_backend web
                    backend web
                        balance roundrobin
                        option httpchk GET /
                    %s""".formatted(socket, frontend, servers), StandardCharsets.UTF_8);
            process = new ProcessBuilder("haproxy", "-db", "-f", cfg.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("haproxy.log").toFile()).start();
            runtime = HaproxyRuntime.connect(socket).withTimeout(Duration.ofSeconds(2));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                try {
                    if (Files.exists(socket) && runtime.backend("web").stream().allMatch(s -> s.status().equals("UP"))) {
                        break;
                    }
                } catch (RuntimeException notYet) {
                    // still starting
                }
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("haproxy did not come up: " + Files.readString(dir.resolve("haproxy.log")));
                }
                Thread.sleep(50);
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }
}
