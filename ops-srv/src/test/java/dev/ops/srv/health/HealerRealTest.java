package dev.ops.srv.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.testing.RealComponents;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A monitor and a healer against a real backend process on loopback that is killed with SIGKILL. */
@Timeout(240)
class HealerRealTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private final Ops ops = Ops.inMemory();
    private final AtomicReference<Process> backend = new AtomicReference<>();
    private int port;

    @AfterEach
    void stop() {
        Process p = backend.get();
        if (p != null) {
            p.destroyForcibly();
        }
    }

    private void startBackend() {
        try {
            backend.set(new ProcessBuilder(PYTHON.toString(), "-m", "http.server", "--bind", "127.0.0.1", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aBackendKilledWithSigkillIsRestartedAndFlappingIsEscalated() throws Exception {
        RealComponents.assume(Files.isExecutable(PYTHON), "/usr/bin/python3");
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        startBackend();
        List<Escalation> escalations = new CopyOnWriteArrayList<>();
        Healer healer = Healer.builder(ops).action("web", HealAction.hook("start the backend again", e -> startBackend()))
                .maxHeals(1).window(Duration.ofMinutes(5)).retryAfter(Duration.ofSeconds(5)).onEscalation(escalations::add).build();
        HealthCheck check = HealthCheck.builder().name("web").probe(Probe.http(URI.create("http://127.0.0.1:" + port + "/")))
                .period(Duration.ofMillis(500)).timeout(Duration.ofMillis(500)).failureThreshold(2).successThreshold(1).build();

        try (HealthMonitor monitor = HealthMonitor.builder().check(check).listener(healer).build().start()) {
            await(() -> monitor.status("web") == HealthStatus.HEALTHY);
            backend.get().destroyForcibly().waitFor();

            await(() -> monitor.status("web") == HealthStatus.UNHEALTHY);
            await(() -> monitor.status("web") == HealthStatus.HEALTHY); // how fast: ops-bench's healing benchmark, not this test

            backend.get().destroyForcibly().waitFor();
            await(() -> !escalations.isEmpty());
        }

        assertThat(escalations).singleElement().satisfies(e -> assertThat(e.reason()).contains("healed 1 times"));
        assertThat(healer.escalation("web")).isPresent();
        assertThat(ops.audit().records()).filteredOn(r -> r.change().equals("heal web")).extracting(AuditRecord -> AuditRecord.step())
                .containsExactly("hook start the backend again", "escalate: needs a person");
    }

    private static void await(BooleanSupplier condition) {
        // Generous: a loaded CI machine starts python slowly; the wait ends as soon as the condition holds.
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 60 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }
}
