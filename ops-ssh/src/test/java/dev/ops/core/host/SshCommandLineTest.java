package dev.ops.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.host.internal.ssh.CommandLine;
import org.junit.jupiter.api.Test;

/** How a {@link Command} becomes the line an SSH exec request carries. */
class SshCommandLineTest {

    @Test
    void plainArgvIsQuotedWordByWord() {
        assertThat(CommandLine.of(Command.of("printf", "%s", "a b", "it's"), false))
                .isEqualTo("printf %s 'a b' 'it'\"'\"'s'");
    }

    @Test
    void workDirAndEnvironmentComeBeforeTheCommand() {
        Command c = Command.builder().addArgv("make").putEnv("CC", "gcc -O2").workDir("/src dir").build();

        assertThat(CommandLine.of(c, false)).isEqualTo("cd -- '/src dir' && env 'CC=gcc -O2' make");
    }

    @Test
    void sudoPrefixesNonInteractiveSudoAndPassesEnvironmentThroughEnv() {
        Command c = Command.builder().addArgv("id", "-u").putEnv("A", "1").sudo(true).build();

        assertThat(CommandLine.of(c, true)).isEqualTo("sudo -n -- env A=1 id -u");
    }

    @Test
    void sudoChangesDirectoryAsRoot() {
        Command c = Command.builder().addArgv("ls").workDir("/root").sudo(true).build();

        assertThat(CommandLine.of(c, true))
                .isEqualTo("sudo -n -- sh -c 'cd -- \"$1\" || exit 1; shift; exec \"$@\"' sh /root ls");
    }

    @Test
    void sudoIsLeftOutWhenTheLoginIsRootAlready() {
        assertThat(CommandLine.of(Command.of("id", "-u").asRoot(), false)).isEqualTo("id -u");
    }

    @Test
    void pidReportComesFirstOnStandardError() {
        assertThat(CommandLine.withPidReport("true", false)).startsWith("echo ops-pid:$$ >&2; ").endsWith("; true");
    }
}
