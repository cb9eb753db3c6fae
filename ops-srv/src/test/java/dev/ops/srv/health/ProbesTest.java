package dev.ops.srv.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ops.core.host.Command;
import dev.ops.core.host.LocalHost;
import dev.ops.testkit.host.ScriptedHost;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each kind of probe against a real target on loopback: a JDK HttpServer, a listening socket, a local command. */
@Timeout(30)
class ProbesTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> body = new AtomicReference<>("{\"status\":\"ok\"}");
    private final AtomicInteger delayMs = new AtomicInteger();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", ex -> {
            try {
                Thread.sleep(delayMs.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] b = body.get().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status.get(), b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI health() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/health");
    }

    @Test
    void httpIsHealthyOnA2xxStatus() {
        ProbeResult r = Probe.http(health()).probe(TIMEOUT);

        assertThat(r.healthy()).isTrue();
        assertThat(r.detail()).isEqualTo("status 200");
    }

    @Test
    void httpIsUnhealthyOnAStatusOutsideTheRange() {
        status.set(503);

        ProbeResult r = Probe.http(health()).probe(TIMEOUT);

        assertThat(r.healthy()).isFalse();
        assertThat(r.detail()).contains("status 503");
    }

    @Test
    void httpChecksTheBodyWhenAskedTo() {
        body.set("{\"status\":\"degraded\"}");

        assertThat(Probe.http(health()).probe(TIMEOUT).healthy()).isTrue();
        assertThat(Probe.http(health()).bodyMatches("\"status\":\"ok\"").probe(TIMEOUT))
                .satisfies(r -> assertThat(r.healthy()).isFalse())
                .satisfies(r -> assertThat(r.detail()).contains("body does not match"));
    }

    @Test
    void httpGivesUpAfterTheTimeout() {
        delayMs.set(2000);

        ProbeResult r = Probe.http(health()).probe(Duration.ofMillis(200));

        assertThat(r.healthy()).isFalse();
        assertThat(r.detail()).contains("within 200 ms");
        assertThat(r.took()).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void tcpIsHealthyWhileSomethingListensAndUnhealthyAfter() throws IOException {
        int port;
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = listening.getLocalPort();
            assertThat(Probe.tcp("127.0.0.1", port).probe(TIMEOUT).healthy()).isTrue();
        }
        assertThat(Probe.tcp("127.0.0.1", port).probe(TIMEOUT).healthy()).isFalse();
    }

    @Test
    void aCommandIsHealthyOnExitZero() {
        LocalHost local = LocalHost.create();

        assertThat(Probe.command(local, Command.of("true")).probe(TIMEOUT).healthy()).isTrue();
        assertThat(Probe.command(local, Command.of("sh", "-c", "echo broken >&2; exit 3")).probe(TIMEOUT))
                .satisfies(r -> assertThat(r.healthy()).isFalse())
                .satisfies(r -> assertThat(r.detail()).contains("exit 3").contains("broken"));
    }

    @Test
    void aUnitIsHealthyWhileSystemdSaysActive() {
        ScriptedHost host = ScriptedHost.named("web-1");
        AtomicReference<String> state = new AtomicReference<>("active");
        host.on("systemctl", "show").answer(c -> dev.ops.core.host.CommandResult.of("web-1", c, 0,
                ("SubState=running\nActiveState=" + state.get() + "\nLoadState=loaded\nId=web.service\n").getBytes(StandardCharsets.UTF_8),
                new byte[0], Duration.ZERO, false));

        assertThat(Probe.unit(host, "web.service").probe(TIMEOUT).healthy()).isTrue();
        state.set("failed");
        assertThat(Probe.unit(host, "web.service").probe(TIMEOUT).detail()).startsWith("failed");
    }

    @Test
    void httpToAPortNobodyListensOnIsUnhealthyAndSaysSo() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }

        ProbeResult r = Probe.http(URI.create("http://127.0.0.1:" + port + "/health")).probe(TIMEOUT);

        assertThat(r.healthy()).isFalse();
        assertThat(r.detail()).containsIgnoringCase("refused");
    }
}
