package dev.ops.pve;

import dev.ops.proxmox.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.OpsTimeoutException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import dev.ops.core.secret.Secret;
import dev.ops.proxmox.error.ProxmoxCallTimeoutException;
import dev.ops.pve.preflight.PreflightReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every wait of a call is bounded: a server that accepts the connection and then says nothing (or too
 * little, too slowly) costs a typed timeout, not a thread stuck forever.
 */
@Timeout(30)
class HttpTimeoutTest {
    private static final Secret TOKEN = Secret.of("44a1f0d2-timeout-test-token");
    private final Silent server = new Silent();

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private PveClient.Builder plain() {
        return PveClient.builder().baseUrl("http://127.0.0.1:" + server.port()).allowPlainHttpToLoopback().name("silent")
                .apiToken("root@pam", "ops", TOKEN).retryPolicy(RetryPolicy.none());
    }

    private PveClient.Builder tls() {
        return PveClient.builder().baseUrl("https://127.0.0.1:" + server.port()).name("silent").pinnedCertificate("AB".repeat(32))
                .apiToken("root@pam", "ops", TOKEN).retryPolicy(RetryPolicy.none());
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersIsATypedReadTimeout() throws Exception {
        try (PveClient c = plain().readTimeout(Duration.ofMillis(200)).build()) {
            assertThatThrownBy(c::version).isInstanceOfSatisfying(ProxmoxCallTimeoutException.class, e -> {
                assertThat(e.bound()).isEqualTo("read");
                assertThat(e.limit()).isEqualTo(Duration.ofMillis(200));
                assertThat(e.retryable()).as("a read may be made again").isTrue();
                assertThat(e.getMessage()).contains("GET /version", "silent");
            });
        }
        assertThat(server.awaitClosedByClient()).as("the client hung up").isTrue();
    }

    @Test
    void aServerThatNeverFinishesTheTlsHandshakeIsATypedTimeout() throws Exception {
        try (PveClient c = tls().readTimeout(Duration.ofMillis(200)).build()) {
            assertThatThrownBy(c::version).isInstanceOfSatisfying(ProxmoxCallTimeoutException.class, e -> {
                assertThat(e.lastState()).contains("TLS handshake");
                assertThat(e.retryable()).as("nothing was sent").isTrue();
            });
        }
        assertThat(server.awaitClosedByClient()).isTrue();
    }

    @Test
    void aServerThatTricklesItsAnswerHitsTheWholeCallTimeout() throws Exception {
        server.trickle = true;
        try (PveClient c = plain().readTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofMillis(300)).build()) {
            assertThatThrownBy(c::version).isInstanceOfSatisfying(ProxmoxCallTimeoutException.class, e -> {
                assertThat(e.bound()).isEqualTo("call");
                assertThat(e.limit()).isEqualTo(Duration.ofMillis(300));
            });
        }
        assertThat(server.awaitClosedByClient()).isTrue();
    }

    @Test
    void aPostWhoseAnswerTimesOutIsNotRetriedAsItMayHaveTakenEffect() throws Exception {
        try (PveClient c = plain().readTimeout(Duration.ofMillis(200)).retryPolicy(RetryPolicy.defaults()).build()) {
            assertThatThrownBy(() -> c.api().post("/nodes/{node}/qemu/{vmid}/status/start", Map.of("node", "pve1", "vmid", 101)))
                    .isInstanceOfSatisfying(ProxmoxCallTimeoutException.class, e -> {
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.lastState()).contains("may have taken effect");
                    });
        }
        assertThat(server.accepted.get()).as("one connection: not retried").isEqualTo(1);
    }

    @Test
    void aTimeoutIsAnOpsTimeoutException() throws Exception {
        try (PveClient c = plain().readTimeout(Duration.ofMillis(100)).build()) {
            assertThatThrownBy(c::version).isInstanceOf(OpsTimeoutException.class).hasMessageNotContaining(TOKEN.reveal());
        }
    }

    @Test
    void aTimeoutLeavesNoThreadBehind() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (PveClient c = plain().readTimeout(Duration.ofMillis(100)).callTimeout(Duration.ofMillis(500)).build()) {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(c::version).isInstanceOf(ProxmoxCallTimeoutException.class);
            }
        }
        server.close();
        // Okio's watchdog is one daemon for the whole JVM (it times calls out, and ends itself when idle), and so is the
        // task runner every ops-pve client's connection pool shares (QuietConnectionPool): a worker it started for this
        // test's pool serves the next client too and ends itself when idle. Neither belongs to the client that timed out.
        Set<String> left = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                .filter(t -> !(t.isDaemon() && (t.getName().equals("Okio Watchdog") || t.getName().startsWith("ops-pve connection pool "))))
                .filter(t -> !t.getName().startsWith("silent-server"))
                .map(Thread::getName).collect(Collectors.toSet());
        assertThat(left).isEmpty();
    }

    @Test
    void preflightReportsAServerThatNeverAnswersAsUnreachable() {
        try (PveClient c = plain().readTimeout(Duration.ofMillis(100)).build()) {
            PreflightReport r = c.preflight().run();
            assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.subject()).isEqualTo("reachability"));
        }
    }

    @Test
    void everyTimeoutHasADefaultAndMustBePositiveAndFitASocket() {
        var b = PveClient.builder().baseUrl("https://pve").apiToken("root@pam", "ops", TOKEN).connectTimeout(Duration.ZERO)
                .readTimeout(Duration.ofMillis(-1)).writeTimeout(null).callTimeout(Duration.ofDays(100000));
        assertThatThrownBy(b::build).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(
                e.violations().stream().map(Violation::field)).containsExactlyInAnyOrder("connectTimeout", "readTimeout", "writeTimeout",
                        "callTimeout"));
        assertThatThrownBy(() -> PveClient.builder().baseUrl("https://pve").apiToken("root@pam", "ops", TOKEN)
                .readTimeout(Duration.ofNanos(10)).build()).isInstanceOf(ValidationException.class).hasMessageContaining("readTimeout");
        PveClient.builder().baseUrl("https://pve").apiToken("root@pam", "ops", TOKEN).build().close();
    }

    /** A loopback TCP server that accepts and then writes nothing (or, trickling, a byte every 50 ms, never a whole answer). */
    static final class Silent implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger accepted = new AtomicInteger();
        final CountDownLatch closedByClient = new CountDownLatch(1);
        final CopyOnWriteArrayList<Socket> connections = new CopyOnWriteArrayList<>();
        volatile boolean trickle;
        private final Thread acceptor;

        Silent() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            acceptor = Thread.ofPlatform().daemon().name("silent-server").start(this::accept);
        }

        int port() {
            return socket.getLocalPort();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    accepted.incrementAndGet();
                    connections.add(s);
                    Thread.ofPlatform().daemon().name("silent-server-conn").start(() -> serve(s));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                if (trickle) {
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n".getBytes());
                    out.flush();
                    s.setSoTimeout(50);
                    while (true) {
                        try {
                            if (in.read() < 0) {
                                break;
                            }
                        } catch (java.net.SocketTimeoutException tick) {
                            out.write(' ');
                            out.flush();
                        }
                    }
                } else {
                    // Read what comes, answer nothing, until the client hangs up.
                    while (in.read() >= 0) {
                        // discard
                    }
                }
                closedByClient.countDown();
            } catch (IOException e) {
                closedByClient.countDown();
            }
        }

        boolean awaitClosedByClient() throws InterruptedException {
            return closedByClient.await(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : connections) {
                s.close();
            }
        }
    }
}
