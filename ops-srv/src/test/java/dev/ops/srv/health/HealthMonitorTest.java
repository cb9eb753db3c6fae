package dev.ops.srv.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.ops.core.error.ValidationException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A monitor probing a JDK HttpServer on loopback that turns unhealthy and back. */
@Timeout(30)
class HealthMonitorTest {
    private HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", ex -> {
            requests.incrementAndGet();
            ex.sendResponseHeaders(status.get(), -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HealthCheck check() {
        return HealthCheck.builder().name("web")
                .probe(Probe.http(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/health")))
                .period(Duration.ofMillis(50)).timeout(Duration.ofMillis(40)).successThreshold(2).failureThreshold(2).build();
    }

    @Test
    void listenersSeeTheCheckBecomeHealthyThenUnhealthyThenHealthyAgain() {
        List<HealthEvent> changes = new CopyOnWriteArrayList<>();
        try (HealthMonitor monitor = HealthMonitor.builder().check(check()).listener(e -> {
            if (e.changed()) {
                changes.add(e);
            }
        }).build().start()) {
            await(() -> monitor.status("web") == HealthStatus.HEALTHY);
            status.set(500);
            await(() -> monitor.status("web") == HealthStatus.UNHEALTHY);
            status.set(204);
            await(() -> monitor.status("web") == HealthStatus.HEALTHY);
        }

        assertThat(changes).extracting(HealthEvent::status)
                .containsExactly(HealthStatus.HEALTHY, HealthStatus.UNHEALTHY, HealthStatus.HEALTHY);
        assertThat(changes.get(1).result().detail()).contains("status 500");
        assertThat(changes.get(1).consecutive()).isEqualTo(2);
    }

    @Test
    void nothingIsProbedBeforeTheInitialDelayOrAfterClose() throws Exception {
        HealthMonitor monitor = HealthMonitor.builder().check(check().toBuilder().initialDelay(Duration.ofSeconds(30)).build()).build().start();
        Thread.sleep(200);
        assertThat(requests.get()).isZero();
        monitor.close();

        HealthMonitor running = HealthMonitor.builder().check(check()).build().start();
        await(() -> requests.get() > 0);
        running.close();
        int after = requests.get();
        Thread.sleep(200);
        assertThat(requests.get()).isEqualTo(after);
    }

    @Test
    void aThrowingListenerDoesNotStopTheOthers() {
        AtomicInteger seen = new AtomicInteger();
        try (HealthMonitor monitor = HealthMonitor.builder().check(check()).listener(e -> {
            throw new IllegalStateException("boom");
        }).listener(e -> seen.incrementAndGet()).build().start()) {
            await(() -> seen.get() >= 3);
        }
    }

    @Test
    void twoChecksWithOneNameAreRefused() {
        assertThatThrownBy(() -> HealthMonitor.builder().check(check()).check(check()).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("checks")).isNotEmpty());
    }

    /** Polls {@code condition} every 10 ms until it holds; fails after 5 s. */
    private static void await(BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 5 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }
}
