package dev.ops.srv.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.ops.core.Ops;
import dev.ops.core.testing.RealComponents;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real HAProxy, started by the test on loopback in front of two JDK HttpServer backends. */
@Timeout(60)
class HaproxyRealTest {
    private final Ops ops = Ops.inMemory();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    @TempDir
    Path dir;
    private HttpServer web1;
    private HttpServer web2;
    private Process haproxy;
    private int frontend;
    private HaproxyRuntime runtime;

    @BeforeEach
    void start() throws Exception {
        Path program = RealComponents.program("haproxy");
        web1 = backend("web-1");
        web2 = backend("web-2");
        frontend = freePort();
        Path socket = dir.resolve("admin.sock");
        Path cfg = dir.resolve("haproxy.cfg");
        Files.writeString(cfg, """
                global
                    stats socket %s mode 600 level admin
                defaults
                    mode http
                    timeout connect 1s
                    timeout client 5s
                    timeout server 5s
                frontend fe
                    bind 127.0.0.1:%d
                    default_backend web
                backend web
                    balance roundrobin
                    server web-1 127.0.0.1:%d check inter 100ms fall 2 rise 1
                    server web-2 127.0.0.1:%d check inter 100ms fall 2 rise 1
                """.formatted(socket, frontend, web1.getAddress().getPort(), web2.getAddress().getPort()));
        haproxy = new ProcessBuilder(program.toString(), "-db", "-f", cfg.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        runtime = HaproxyRuntime.connect(socket).withTimeout(Duration.ofSeconds(2));
        await(() -> Files.exists(socket) && runtime.backend("web").stream().allMatch(s -> s.status().equals("UP")));
    }

    @AfterEach
    void stop() throws Exception {
        if (haproxy != null) {
            haproxy.destroy();
            haproxy.waitFor();
        }
        if (web1 != null) {
            web1.stop(0);
        }
        if (web2 != null) {
            web2.stop(0);
        }
    }

    private static HttpServer backend(String name) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", ex -> {
            byte[] b = name.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        s.start();
        return s;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private Set<String> served(int requests) throws Exception {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + frontend + "/"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            seen.add(r.body());
        }
        return seen;
    }

    @Test
    void aDrainedServerGetsNoNewRequestsUntilRollback() throws Exception {
        assertThat(served(6)).containsExactlyInAnyOrder("web-1", "web-2");

        var drained = runtime.servers(ops).server("web", "web-2").drain().apply();

        assertThat(drained.value().status()).isEqualTo("DRAIN");
        assertThat(served(6)).containsExactly("web-1");
        drained.rollback();
        assertThat(served(6)).containsExactlyInAnyOrder("web-1", "web-2");
    }

    @Test
    void weightZeroTakesAServerOutOfRotationAndRollbackPutsItsWeightBack() throws Exception {
        int before = runtime.server("web", "web-1").orElseThrow().weight();

        var w = runtime.servers(ops).server("web", "web-1").weight(0).apply();

        assertThat(served(6)).containsExactly("web-2");
        w.rollback();
        assertThat(runtime.server("web", "web-1").orElseThrow().weight()).isEqualTo(before);
    }

    @Test
    void drainingTheLastServerUpIsRefusedOnceTheOtherFailsItsChecks() {
        web1.stop(0);
        await(() -> runtime.server("web", "web-1").orElseThrow().status().startsWith("DOWN"));

        assertThatThrownBy(() -> runtime.servers(ops).server("web", "web-2").drain().apply()).isInstanceOf(LastHealthyServerException.class);
        assertThat(runtime.server("web", "web-2").orElseThrow().status()).isEqualTo("UP");
    }

    private static void await(BooleanSupplier condition) {
        HaproxyLab.await(condition, Duration.ofSeconds(10));
    }
}
