package dev.ops.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ConnectionException;
import dev.ops.core.error.OpsException;
import dev.ops.core.testing.RealComponents;
import dev.ops.core.testing.Sshd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A remote command ends when the SSH connection it runs on ends under it (the client died, the
 * network dropped), on every path a command takes; and numbers the remote side prints are read as
 * ASCII digits only. Against a real sshd on loopback, in its own namespace.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SshSessionEndTest {
    private static final Duration GONE_WITHIN = Duration.ofSeconds(15);
    private static Sshd sshd;

    @BeforeAll
    static void startSshd() {
        RealComponents.program("sshd");
        RealComponents.program("ssh-keygen");
        RealComponents.program("unshare");
        RealComponents.root();
        sshd = Sshd.builder().user("digits", false).start();
    }

    @AfterAll
    static void stopSshd() {
        if (sshd != null) {
            sshd.close();
        }
    }

    private static SshHost.Builder host(String user) {
        return SshHost.builder().name("end-" + user).host(sshd.host()).port(sshd.port()).user(user)
                .privateKey(sshd.clientKey()).knownHosts(sshd.knownHosts());
    }

    @Test
    void aCommandInThePooledShellEndsWhenTheConnectionDrops() throws Exception {
        runThenDrop(host("root"), "41.01", h -> {});
    }

    @Test
    void aCommandInASessionOfItsOwnEndsWhenTheConnectionDrops() throws Exception {
        runThenDrop(host("root").reuseShell(false), "41.02", h -> {});
    }

    @Test
    void aCommandReadingStandardInputEndsWhenTheConnectionDrops() throws Exception {
        runThenDrop(host("root"), "41.03", h -> {}, "in".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aCommandOnAnUnpooledHostEndsWhenTheConnectionDrops() throws Exception {
        runThenDrop(host("root").pooled(false), "41.04", h -> {});
    }

    @Test
    void aCommandThatFinishesLeavesItsBackgroundProcessAlone() throws Exception {
        try (SshHost h = host("root").build()) {
            h.check(Command.of("sh", "-c", "sleep 7.77 >/dev/null 2>&1 </dev/null & exit 0"));
            Thread.sleep(2500); // past two of the watcher's checks: it must have ended quietly

            assertThat(running("sleep 7.77")).as("a process left behind on purpose survives").isTrue();
            h.run("pkill", "-f", "^sleep 7.77$");
        }
    }

    @Test
    void aUidPrintedInOtherScriptsDigitsIsNotTakenForANumber() throws Exception {
        try (SshHost writer = host("digits").build()) {
            // `id -u` answers with ARABIC-INDIC DIGIT ZERO, which Integer.parseInt reads as 0 (root).
            writer.check(Command.builder().addArgv("sh", "-c", "cat > ~/.bashrc")
                    .stdin("id() { printf '\\331\\240\\n'; }\n".getBytes(StandardCharsets.US_ASCII)).build());
        }
        try (SshHost h = host("digits").build()) {
            assertThatThrownBy(() -> h.run(Command.of("id", "-un").asRoot()))
                    .isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("id -u");
        }
    }

    private static void runThenDrop(SshHost.Builder builder, String seconds, Consumer<SshHost> before) throws Exception {
        runThenDrop(builder, seconds, before, new byte[0]);
    }

    private static void runThenDrop(SshHost.Builder builder, String seconds, Consumer<SshHost> before, byte[] stdin)
            throws Exception {
        try (SshHost h = builder.build(); ExecutorService pool = Executors.newSingleThreadExecutor()) {
            before.accept(h);
            Future<CommandResult> running = pool.submit(() -> h.run(Command.builder().addArgv("sleep", seconds).stdin(stdin)
                    .timeout(Duration.ofMinutes(2)).build()));
            for (int i = 0; i < 200 && !running("sleep " + seconds); i++) {
                Thread.sleep(25);
            }
            assertThat(running("sleep " + seconds)).as("the remote sleep started").isTrue();

            assertThat(sshd.dropConnections()).isPositive();

            assertThatThrownBy(() -> running.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(OpsException.class);
            assertThat(awaitGone("sleep " + seconds)).as("the remote sleep ended with its connection").isTrue();
        }
    }

    private static boolean awaitGone(String commandLine) throws Exception {
        long end = System.nanoTime() + GONE_WITHIN.toNanos();
        while (System.nanoTime() < end) {
            if (!running(commandLine)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Whether a process runs whose argv, joined by spaces, is {@code commandLine}. */
    private static boolean running(String commandLine) throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(c -> c >= '0' && c <= '9')).anyMatch(p -> {
                try {
                    return new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ').strip()
                            .equals(commandLine);
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }
}
