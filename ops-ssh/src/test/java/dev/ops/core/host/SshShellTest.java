package dev.ops.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ConnectionException;
import dev.ops.core.error.OpsTimeoutException;
import dev.ops.core.error.PrivilegeException;
import dev.ops.core.testing.RealComponents;
import dev.ops.core.testing.Sshd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The long-lived shell that runs pooled commands ({@link SshHost.Builder#reuseShell}), against a
 * real OpenSSH server: results must be those of the exec path, and a killed or timed-out shell is
 * replaced without the caller noticing more than the one command.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SshShellTest {
    /** Prints the pid and name of the command's parent: the long-lived shell on the fast path, sshd otherwise. */
    private static final Command PARENT = Command.of("sh", "-c", "echo $PPID $(cat /proc/$PPID/comm)");

    private static Sshd sshd;

    @BeforeAll
    static void startSshd() {
        RealComponents.program("sshd");
        RealComponents.program("ssh-keygen");
        RealComponents.program("unshare");
        RealComponents.root();
        sshd = Sshd.start();
    }

    @AfterAll
    static void stopSshd() {
        if (sshd != null) {
            sshd.close();
        }
    }

    private static SshHost.Builder host(String user) {
        return SshHost.builder().name("shell-" + user).host(sshd.host()).port(sshd.port()).user(user)
                .privateKey(sshd.clientKey()).knownHosts(sshd.knownHosts());
    }

    @Test
    void consecutiveCommandsRunInTheSameLongLivedShell() {
        try (SshHost h = host("root").build()) {
            String first = h.output(PARENT.argv().toArray(String[]::new));

            assertThat(h.reuseShell()).isTrue();
            assertThat(first).doesNotContain("sshd");
            assertThat(h.output(PARENT.argv().toArray(String[]::new))).isEqualTo(first);
        }
    }

    @Test
    void withReuseShellOffEveryCommandRunsInASessionOfItsOwn() {
        try (SshHost h = host("root").reuseShell(false).build()) {
            assertThat(h.reuseShell()).isFalse();
            assertThat(h.output(PARENT.argv().toArray(String[]::new))).endsWith(" sshd\n");
        }
    }

    @Test
    void exitCodesAndStandardErrorComeBackApart() {
        try (SshHost h = host("root").build()) {
            h.run("true");
            for (int code : new int[] {0, 1, 3, 127, 255}) {
                CommandResult r = h.run("sh", "-c", "printf out; printf 'err\\n' >&2; exit " + code);

                assertThat(r.exitCode()).isEqualTo(code);
                assertThat(r.stdoutText()).isEqualTo("out");
                assertThat(r.stderrText()).isEqualTo("err\n");
            }
        }
    }

    @Test
    void aCommandKilledBySignalReportsOneHundredTwentyEightPlusTheSignal() {
        try (SshHost h = host("root").build()) {
            h.run("true");

            assertThat(h.run("sh", "-c", "kill -TERM $$").exitCode()).isEqualTo(128 + 15);
            assertThat(h.output("echo", "next")).isEqualTo("next\n");
        }
    }

    @Test
    void shellBuiltinsAsTheProgramCannotChangeOrEndTheShell() {
        try (SshHost h = host("root").build()) {
            String shell = h.output(PARENT.argv().toArray(String[]::new));

            assertThat(h.run("exit", "7").exitCode()).isEqualTo(7);
            assertThat(h.run("cd", "/usr").exitCode()).isZero();
            assertThat(h.run("export", "LEAK=1").exitCode()).isZero();

            assertThat(h.output("sh", "-c", "pwd; echo \"[$LEAK]\"")).isEqualTo(h.output("sh", "-c", "cd; pwd") + "[]\n");
            assertThat(h.output(PARENT.argv().toArray(String[]::new))).isEqualTo(shell);
        }
    }

    @Test
    void binaryStandardOutputIsByteExact() throws Exception {
        byte[] data = new byte[1_000_003];
        new Random(11).nextBytes(data);
        byte[] lookalike = "ops-0123456789abcdef0123456789abcdef-e:0\nops-".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(lookalike, 0, data, 500_000, lookalike.length);
        for (int i = 0; i < 256; i++) {
            data[i] = (byte) i;
        }
        Path file = Files.createTempFile("ops-shell-binary", ".bin");
        try (SshHost h = host("root").build()) {
            Files.write(file, data);

            assertThat(h.run("cat", file.toString()).stdout()).isEqualTo(data);
            assertThat(h.run("printf", "no newline at the end\\0").stdout())
                    .isEqualTo("no newline at the end\0".getBytes(StandardCharsets.US_ASCII));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void largeOutputOnBothStreamsArrivesWhole() {
        try (SshHost h = host("root").build()) {
            CommandResult r = h.run("sh", "-c", "head -c 6000000 /dev/zero >&2 & head -c 12000000 /dev/urandom; wait");

            assertThat(r.stdout()).hasSize(12_000_000);
            assertThat(r.stderr()).hasSize(6_000_000);
            assertThat(h.run("head", "-c", "100000", "/dev/zero").stdout()).hasSize(100_000);
        }
    }

    @Test
    void outputBeyondTheLimitIsDroppedAndTheShellStaysInStep() {
        try (SshHost h = host("root").build()) {
            CommandResult r = h.run(Command.builder().addArgv("head", "-c", "100000", "/dev/zero").maxOutputBytes(1000).build());

            assertThat(r.stdout()).hasSize(1000);
            assertThat(r.truncated()).isTrue();
            assertThat(h.output("echo", "in step")).isEqualTo("in step\n");
        }
    }

    @Test
    void argumentsWithNewlinesQuotesAndDollarsArriveUnchanged() {
        List<String> args = List.of("a\nb", "it's", "\"q\"", "$HOME", "`id`", "x;y", "tab\there", "", " \n ", "ä€");
        try (SshHost h = host("root").build()) {
            List<String> argv = new ArrayList<>(List.of("printf", "[%s]"));
            argv.addAll(args);

            String out = h.output(argv.toArray(String[]::new));

            StringBuilder expected = new StringBuilder();
            args.forEach(a -> expected.append('[').append(a).append(']'));
            assertThat(out).isEqualTo(expected.toString());
        }
    }

    @Test
    void environmentWorkingDirectoryAndSudoMatchTheExecPath() {
        Command c = Command.builder().addArgv("sh", "-c", "echo \"$(id -u) $(pwd) $V\"; printf '%s' \"$W\"")
                .putEnv("V", "kept").putEnv("W", "it's a\n'test' $x").workDir("/usr/share").build();
        try (SshHost fast = host("opsuser").build(); SshHost exec = host("opsuser").reuseShell(false).build()) {
            fast.run("true");

            assertThat(fast.check(c).stdoutText()).isEqualTo(exec.check(c).stdoutText())
                    .contains(" /usr/share kept\n");
            assertThat(fast.check(c.asRoot()).stdoutText()).isEqualTo(exec.check(c.asRoot()).stdoutText())
                    .isEqualTo("0 /usr/share kept\nit's a\n'test' $x");
        }
    }

    @Test
    void sudoRefusalIsAPrivilegeExceptionOnTheFastPathToo() {
        try (SshHost h = host("nosudo").build()) {
            h.run("true");

            assertThatThrownBy(() -> h.run(Command.of("true").asRoot())).isInstanceOf(PrivilegeException.class);
            assertThat(h.output("echo", "still fine")).isEqualTo("still fine\n");
        }
    }

    @Test
    void timeoutKillsTheCommandAndTheNextCommandRunsInAFreshShell() throws Exception {
        try (SshHost h = host("root").build()) {
            String shell = h.output(PARENT.argv().toArray(String[]::new));

            assertThatThrownBy(() -> h.run(Command.of("sleep", "33.31").withTimeout(Duration.ofMillis(500))))
                    .isInstanceOf(OpsTimeoutException.class).hasMessageContaining("sleep 33.31");

            assertThat(awaitGone("sleep 33.31")).as("remote sleep killed").isTrue();
            String next = h.output(PARENT.argv().toArray(String[]::new));
            assertThat(next).isNotEqualTo(shell);
            assertThat(h.output(PARENT.argv().toArray(String[]::new))).isEqualTo(next);
        }
    }

    @Test
    void timeoutKillsACommandRunWithSudoInTheShell() throws Exception {
        try (SshHost h = host("opsuser").build()) {
            h.run("true");

            assertThatThrownBy(() -> h.run(Command.of("sleep", "22.21").asRoot().withTimeout(Duration.ofMillis(500))))
                    .isInstanceOf(OpsTimeoutException.class);

            assertThat(awaitGone("sleep 22.21")).as("remote sudo sleep killed").isTrue();
            assertThat(h.output("echo", "usable")).isEqualTo("usable\n");
        }
    }

    @Test
    void concurrentCommandsOnOneHostEachGetTheirOwnOutput() throws Exception {
        try (SshHost h = host("root").build(); ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int thread = t;
                calls.add(() -> {
                    for (int i = 0; i < 15; i++) {
                        String word = "t" + thread + "i" + i;
                        CommandResult r = h.run("sh", "-c", "echo " + word + "; echo " + word + " >&2; exit " + (i % 5));
                        if (!r.stdoutText().equals(word + "\n") || !r.stderrText().equals(word + "\n") || r.exitCode() != i % 5) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                assertThat(f.get()).isTrue();
            }
        }
    }

    @Test
    void shellKilledWhileIdleIsReplacedTransparently() throws Exception {
        try (SshHost h = host("root").build()) {
            long shell = Long.parseLong(h.output(PARENT.argv().toArray(String[]::new)).split(" ")[0]);
            kill(shell);

            assertThat(h.output("echo", "after")).isEqualTo("after\n");
            assertThat(h.output("echo", "again")).isEqualTo("again\n");
        }
    }

    @Test
    void shellKilledWhileACommandRunsFailsThatCommandOnlyAndTheNextOneWorks() throws Exception {
        try (SshHost h = host("root").build(); ExecutorService pool = Executors.newSingleThreadExecutor()) {
            long shell = Long.parseLong(h.output(PARENT.argv().toArray(String[]::new)).split(" ")[0]);
            Future<CommandResult> running = pool.submit(() -> h.run("sleep", "20.441"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            while (processOf("sleep 20.441").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(processOf("sleep 20.441")).as("remote sleep started").isPresent();
            kill(-shell); // the whole group: the shell and the command

            assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ConnectionException.class)
                    .hasMessageContaining("sleep 20.441");
            assertThat(h.output("echo", "recovered")).isEqualTo("recovered\n");
        }
    }

    @Test
    void lateOutputOfABackgroundProcessNeverReachesTheNextCommand() throws Exception {
        try (SshHost h = host("root").build()) {
            String shell = h.output(PARENT.argv().toArray(String[]::new));

            CommandResult first = h.run("sh", "-c", "(sleep 0.3; echo late; echo late >&2) & echo now");
            Thread.sleep(800);
            CommandResult next = h.run("echo", "next");

            assertThat(first.stdoutText()).isEqualTo("now\n");
            assertThat(next.stdoutText()).isEqualTo("next\n");
            assertThat(next.stderrText()).isEmpty();
            assertThat(h.output(PARENT.argv().toArray(String[]::new))).as("the tainted shell was replaced").isNotEqualTo(shell);
        }
    }

    @Test
    void commandsWithStandardInputTakeTheExecPathAndStillWork() {
        try (SshHost h = host("root").build()) {
            h.run("true");

            assertThat(h.run(Command.builder().addArgv("cat").stdin("piped\n").build()).stdoutText()).isEqualTo("piped\n");
            assertThat(h.output("echo", "then shell")).isEqualTo("then shell\n");
        }
    }

    private static void kill(long pidOrGroup) throws Exception {
        Process p = new ProcessBuilder("kill", "-KILL", "--", String.valueOf(pidOrGroup)).redirectErrorStream(true).start();
        assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
    }

    /** A process whose argv, joined by spaces, is {@code commandLine} (read from /proc). */
    private static Optional<Long> processOf(String commandLine) throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+")).filter(p -> {
                try {
                    byte[] raw = Files.readAllBytes(p.resolve("cmdline"));
                    return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip().equals(commandLine);
                } catch (IOException e) {
                    return false; // gone meanwhile
                }
            }).map(p -> Long.parseLong(p.getFileName().toString())).findFirst();
        }
    }

    private static boolean awaitGone(String commandLine) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (processOf(commandLine).isEmpty()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
