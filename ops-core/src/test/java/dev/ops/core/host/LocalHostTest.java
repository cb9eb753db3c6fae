package dev.ops.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.CommandFailedException;
import dev.ops.core.error.OpsTimeoutException;
import dev.ops.core.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class LocalHostTest {
    private final LocalHost host = LocalHost.create();

    @Test
    void returnsExitCodeStdoutAndStderr() {
        CommandResult r = host.run("sh", "-c", "echo out; echo err >&2; exit 3");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stdoutText()).isEqualTo("out\n");
        assertThat(r.stderrText()).isEqualTo("err\n");
        assertThat(r.ok()).isFalse();
    }

    @Test
    void checkTurnsNonZeroExitIntoTypedErrorWithStderrTail() {
        assertThatThrownBy(() -> host.check(Command.of("sh", "-c", "echo boom >&2; exit 4")))
                .isInstanceOfSatisfying(CommandFailedException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(4);
                    assertThat(e.stderrTail()).contains("boom");
                    assertThat(e.host()).isEqualTo("local");
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void feedsStdinAndHonoursEnvAndWorkingDirectory(@TempDir Path dir) throws Exception {
        CommandResult r = host.run(Command.builder().addArgv("sh", "-c", "cat; echo \"$OPS_X\"; pwd")
                .stdin("from stdin\n").putEnv("OPS_X", "xval").workDir(dir.toString()).build());

        assertThat(r.stdoutText()).isEqualTo("from stdin\nxval\n" + dir.toRealPath(java.nio.file.LinkOption.NOFOLLOW_LINKS) + "\n");
    }

    @Test
    void readsManyMegabytesOfOutputOnBothStreamsWithoutDeadlock() {
        CommandResult r = host.run("sh", "-c", "head -c 20000000 /dev/zero; head -c 5000000 /dev/zero >&2");

        assertThat(r.stdout()).hasSize(20_000_000);
        assertThat(r.stderr()).hasSize(5_000_000);
        assertThat(r.truncated()).isFalse();
    }

    @Test
    void truncatesOutputBeyondTheLimitAndSaysSo() {
        CommandResult r = host.run(Command.builder().addArgv("head", "-c", "1000000", "/dev/zero").maxOutputBytes(1000).build());

        assertThat(r.stdout()).hasSize(1000);
        assertThat(r.truncated()).isTrue();
        assertThat(r.ok()).isTrue();
    }

    @Test
    void keepsNonUtf8OutputAsBytes() {
        CommandResult r = host.run("printf", "\\377\\376abc");

        assertThat(r.stdout()).containsExactly((byte) 0xff, (byte) 0xfe, 'a', 'b', 'c');
        assertThat(r.stdoutText()).endsWith("abc");
    }

    @Test
    void timeoutKillsTheWholeProcessTree(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("child-survived");
        Command c = Command.builder().addArgv("sh", "-c", "(sleep 2; touch " + marker + ") & sleep 30")
                .timeout(Duration.ofMillis(300)).build();

        assertThatThrownBy(() -> host.run(c)).isInstanceOf(OpsTimeoutException.class).hasMessageContaining("sleep 30");
        Thread.sleep(2500);
        assertThat(marker).doesNotExist();
    }

    @Test
    void aMissingProgramIsExitCode127WithAReason() {
        CommandResult r = host.run("ops-no-such-program-xyz");

        assertThat(r.exitCode()).isEqualTo(127);
        assertThat(r.stderrText()).contains("ops-no-such-program-xyz");
    }

    @Test
    void writesFilesAtomicallyWithModeAndReadsThemBack(@TempDir Path dir) throws Exception {
        String path = dir.resolve("conf").toString();
        host.writeFile(path, "a=1\n".getBytes(StandardCharsets.UTF_8), "0640", false);

        assertThat(host.readText(path)).contains("a=1\n");
        assertThat(Files.getPosixFilePermissions(Path.of(path))).hasToString("[OWNER_READ, OWNER_WRITE, GROUP_READ]");
        assertThat(host.readText(dir.resolve("absent").toString())).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void refusesMalformedCommandsListingEveryProblem() {
        assertThatThrownBy(() -> Command.builder().addArgv(" ").timeout(Duration.ZERO).maxOutputBytes(0).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("argv[0]", "timeout", "maxOutputBytes"));
    }

    @Test
    void rendersCommandsShellQuotedWithSecretsMasked() {
        Command c = Command.builder().addArgv("chpasswd", "--user", "alice bob", "hunter22").addSensitive("hunter22").sudo(true).build();

        assertThat(c.render()).isEqualTo("sudo -n chpasswd --user 'alice bob' ***");
        assertThat(c.toString()).doesNotContain("hunter22");
    }

    /** A child JVM that runs a long command through LocalHost and is killed meanwhile. */
    public static final class RunsALongCommand {
        public static void main(String[] args) {
            LocalHost.create().run(Command.builder().addArgv("sh", "-c", "echo $$ > \"$1.tmp\"; mv \"$1.tmp\" \"$1\"; exec sleep 600", "sh", args[0])
                    .timeout(Duration.ofMinutes(15)).build());
        }
    }

    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
            return state != 'Z' && state != 'X';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void aCommandDiesWithTheJvmThatRanIt(@TempDir Path dir) throws Exception {
        dev.ops.core.testing.RealComponents.program("setpriv");
        dev.ops.core.testing.RealComponents.program("setsid");
        Path pidFile = dir.resolve("pid");
        Process child = dev.ops.core.testing.JavaProcess.start(RunsALongCommand.class, pidFile.toString());
        long pid = -1;
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(pidFile) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            pid = Long.parseLong(Files.readString(pidFile).trim());
            assertThat(running(pid)).isTrue();

            new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).start().waitFor();
            assertThat(child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (running(pid) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(running(pid)).as("the command of a JVM killed with SIGKILL").isFalse();
        } finally {
            child.destroyForcibly();
            if (pid > 0) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }
}
