package dev.ops.bench.srv;

import dev.ops.bench.support.Bench;
import dev.ops.core.Ops;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.srv.health.HealAction;
import dev.ops.srv.health.Healer;
import dev.ops.srv.health.HealthCheck;
import dev.ops.srv.health.HealthMonitor;
import dev.ops.srv.health.HealthStatus;
import dev.ops.srv.health.Probe;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Auto-healing's recovery time: a real backend process ({@code python3 -m http.server} on loopback)
 * is killed with SIGKILL while a client asks it every 5 ms; a {@link HealthMonitor} (HTTP check,
 * period {@code --period-ms}, failure threshold 2) feeds a {@link Healer} whose action starts the
 * backend again. Measured: from the kill to the first 200 the client gets, next to the target of two
 * health periods plus the service's start time (from process start to its first 200, measured here
 * too).
 *
 * <p>Arguments: {@code --runs N} (7), {@code --period-ms N} (500). Prints each run and the medians.
 */
public final class HealingBenchmark {
    private static final PrintStream OUT = System.out;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

    private HealingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = 7;
        long periodMs = 500;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = AsciiNumbers.parseInt(args[++i]);
                case "--period-ms" -> periodMs = AsciiNumbers.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("heal-bench");
        OUT.println(Bench.machine(work) + ", " + Bench.version(work, "python3", "--version"));
        OUT.println("load average before: " + Bench.loadAverage());
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI uri = URI.create("http://127.0.0.1:" + port + "/");
        AtomicReference<Process> backend = new AtomicReference<>();
        List<Double> starts = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            backend.set(start(port, work));
            waitForOk(uri);
            starts.add((System.nanoTime() - t0) / 1e6);
            backend.get().destroyForcibly().waitFor();
        }
        double start = Bench.median(starts);
        Duration period = Duration.ofMillis(periodMs);
        Ops ops = Ops.inMemory();
        Healer healer = Healer.builder(ops).action("web", HealAction.hook("start the backend", e -> backend.set(start(port, work))))
                .maxHeals(1000).window(Duration.ofMinutes(1)).retryAfter(Duration.ofSeconds(5)).build();
        HealthCheck check = HealthCheck.builder().name("web").probe(Probe.http(uri)).period(period).timeout(Duration.ofMillis(Math.min(200, periodMs)))
                .failureThreshold(2).successThreshold(1).build();
        backend.set(start(port, work));
        waitForOk(uri);
        List<Double> recoveries = new ArrayList<>();
        try (HealthMonitor monitor = HealthMonitor.builder().check(check).listener(healer).build().start()) {
            for (int run = 1; run <= runs; run++) {
                while (monitor.status("web") != HealthStatus.HEALTHY) {
                    Thread.sleep(5);
                }
                Thread.sleep(periodMs / 3 + run * 37 % periodMs); // the kill lands at varying points of the period
                long t0 = System.nanoTime();
                backend.get().destroyForcibly().waitFor();
                waitForOk(uri);
                double ms = (System.nanoTime() - t0) / 1e6;
                recoveries.add(ms);
                OUT.printf("run %d: traffic flowing again %.0f ms after SIGKILL%n", run, ms);
            }
        } finally {
            backend.get().destroyForcibly().waitFor();
        }
        double target = 2 * periodMs + start;
        OUT.println("load average after: " + Bench.loadAverage());
        OUT.printf("%n| period | service start (median) | recovery median | recovery max | target 2 x period + start |%n|---:|---:|---:|---:|---:|%n");
        OUT.printf("| %d ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms |%n", periodMs, start, Bench.median(recoveries),
                recoveries.stream().mapToDouble(Double::doubleValue).max().orElse(0), target);
        Bench.deleteTree(work);
    }

    private static Process start(int port, Path dir) {
        try {
            return new ProcessBuilder("python3", "-m", "http.server", "--bind", "127.0.0.1", Integer.toString(port)).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void waitForOk(URI uri) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(200)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException refused) {
                // down: ask again
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException(uri + " did not answer 200 within 30 s");
    }
}
