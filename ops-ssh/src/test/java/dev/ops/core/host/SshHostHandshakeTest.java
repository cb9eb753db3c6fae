package dev.ops.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.OpsException;
import dev.ops.core.error.OpsTimeoutException;
import dev.ops.core.fleet.Fleet;
import dev.ops.core.fleet.FleetResult;
import dev.ops.core.fleet.HostResult;
import dev.ops.core.testing.StalledServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connecting to a server that accepts TCP and then stalls: every phase of the handshake is
 * bounded, and an attempt given up on leaves no socket and no thread behind. No sshd needed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SshHostHandshakeTest {
    private static final Duration HANDSHAKE = Duration.ofSeconds(1);
    private static final Duration SLACK = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private SshHost.Builder host(StalledServer server) throws IOException {
        Path key = Files.writeString(dir.resolve("id_ed25519"), "never read: the handshake stalls before authentication\n");
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "");
        return SshHost.builder().name("stalled").host(server.host()).port(server.port()).user("root").privateKey(key)
                .knownHosts(knownHosts);
    }

    @Test
    void aServerThatNeverSendsItsBannerTimesOutNamingTheHostAndThePhase() throws Exception {
        try (StalledServer server = StalledServer.silent(); SshHost h = host(server).handshakeTimeout(HANDSHAKE).build()) {
            long start = System.nanoTime();

            assertThatThrownBy(h::connect)
                    .isInstanceOfSatisfying(OpsTimeoutException.class, e -> assertThat(e.limit()).isEqualTo(HANDSHAKE))
                    .hasMessageContaining("stalled")
                    .hasMessageContaining("127.0.0.1:" + server.port())
                    .hasMessageContaining("banner");

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HANDSHAKE.plus(SLACK));
            assertThat(server.awaitClosedByClient(SLACK)).as("the attempt's socket was closed").isTrue();
        }
    }

    @Test
    void aServerThatStallsAfterItsBannerTimesOutInKeyExchangeAndLeavesNoThread() throws Exception {
        try (StalledServer server = StalledServer.greeting("SSH-2.0-OpenSSH_9.2p1 stalled\r\n");
                SshHost h = host(server).handshakeTimeout(HANDSHAKE).build()) {
            long start = System.nanoTime();

            assertThatThrownBy(h::connect)
                    .isInstanceOf(OpsTimeoutException.class)
                    .hasMessageContaining("key exchange");

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HANDSHAKE.plus(SLACK));
            assertThat(server.awaitClosedByClient(SLACK)).as("the attempt's socket was closed").isTrue();
            assertThat(awaitNoThreadFor(server.port())).as("sshj threads of the attempt ended").isTrue();
        }
    }

    @Test
    void anUnpooledHostTimesOutTheSameWay() throws Exception {
        try (StalledServer server = StalledServer.silent();
                SshHost h = host(server).pooled(false).handshakeTimeout(HANDSHAKE).build()) {
            assertThatThrownBy(() -> h.run("true")).isInstanceOf(OpsTimeoutException.class).hasMessageContaining("banner");
            assertThat(server.awaitClosedByClient(SLACK)).isTrue();
        }
    }

    @Test
    void anInterruptedConnectClosesItsSocketAndKeepsTheInterrupt() throws Exception {
        try (StalledServer server = StalledServer.greeting("SSH-2.0-OpenSSH_9.2p1 stalled\r\n");
                SshHost h = host(server).handshakeTimeout(Duration.ofMinutes(5)).build()) {
            Thread caller = Thread.currentThread();
            Thread interrupter = Thread.ofVirtual().start(() -> {
                try {
                    if (server.awaitAccepted(SLACK)) {
                        Thread.sleep(200);
                    }
                } catch (InterruptedException e) {
                    return;
                }
                caller.interrupt();
            });
            try {
                assertThatThrownBy(h::connect).isInstanceOf(OpsException.class).hasMessageContaining("interrupted");
                assertThat(Thread.interrupted()).as("interrupt flag restored").isTrue();
            } finally {
                interrupter.join();
                Thread.interrupted();
            }
            assertThat(server.awaitClosedByClient(SLACK)).isTrue();
            assertThat(awaitNoThreadFor(server.port())).isTrue();
        }
    }

    @Test
    void aFleetHostPastItsTimeoutHasItsStalledConnectionClosed() throws Exception {
        try (StalledServer server = StalledServer.greeting("SSH-2.0-OpenSSH_9.2p1 stalled\r\n");
                SshHost h = host(server).handshakeTimeout(Duration.ofMinutes(5)).build()) {
            FleetResult<String> r = Fleet.of(List.of(h)).perHostTimeout(Duration.ofMillis(500)).run(x -> x.output("true"));

            assertThat(r.of("stalled")).isInstanceOfSatisfying(HostResult.TimedOut.class, t -> assertThat(t.stopped()).isTrue());
            assertThat(server.awaitClosedByClient(SLACK)).as("the late host's socket was closed").isTrue();
            assertThat(awaitNoThreadFor(server.port())).isTrue();
        }
    }

    @Test
    void handshakeTimeoutMustBePositive() {
        assertThatThrownBy(() -> SshHost.builder().host("pve").agent(dir.resolve("none")).handshakeTimeout(Duration.ZERO).build())
                .isInstanceOfSatisfying(dev.ops.core.error.ValidationException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.field()).contains("handshakeTimeout"));
    }

    /** Whether, within the slack, no live thread is named for a connection to {@code port} (sshj names its threads so). */
    private static boolean awaitNoThreadFor(int port) throws InterruptedException {
        String mark = ":" + port + "-";
        long end = System.nanoTime() + SLACK.toNanos();
        while (System.nanoTime() < end) {
            if (Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.isAlive() && t.getName().contains(mark))) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
