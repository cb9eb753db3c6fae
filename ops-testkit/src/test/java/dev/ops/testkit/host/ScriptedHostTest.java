package dev.ops.testkit.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.CommandFailedException;
import dev.ops.core.host.Command;
import org.junit.jupiter.api.Test;

class ScriptedHostTest {

    @Test
    void answersFromTheFirstMatchingRuleAndRecordsEveryCommand() {
        ScriptedHost host = ScriptedHost.named("web-1").on("uname", "-r").reply("6.8.12-4-pve\n").on("uname").reply("Linux\n");

        assertThat(host.output("uname", "-r")).isEqualTo("6.8.12-4-pve\n");
        assertThat(host.output("uname", "-s")).isEqualTo("Linux\n");
        assertThat(host.commandLines()).containsExactly("uname -r", "uname -s");
    }

    @Test
    void scriptedFailuresSurfaceAsTypedErrors() {
        ScriptedHost host = ScriptedHost.named("web-1").on("useradd").exit(9, "useradd: user 'alice' already exists\n");

        assertThatThrownBy(() -> host.check(Command.of("useradd", "alice"))).isInstanceOfSatisfying(CommandFailedException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(9);
            assertThat(e.host()).isEqualTo("web-1");
        });
    }

    @Test
    void anUnscriptedCommandNeverPassesSilently() {
        ScriptedHost host = ScriptedHost.named("web-1");

        var r = host.run("rm", "-rf", "/srv/data");
        assertThat(r.exitCode()).isEqualTo(127);
        assertThat(r.stderrText()).isEqualTo("not scripted: rm -rf /srv/data\n");
    }
}
