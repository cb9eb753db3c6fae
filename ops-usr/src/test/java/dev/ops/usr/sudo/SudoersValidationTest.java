package dev.ops.usr.sudo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Plan;
import dev.ops.core.error.ValidationException;
import dev.ops.core.host.CommandResult;
import dev.ops.testkit.host.ScriptedHost;
import dev.ops.usr.error.UnreadableLineException;
import dev.ops.usr.sudo.internal.InstallSudoersAction;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Values that would change the structure of a rendered drop-in, visudo's verdict mapped to its entry, and exact undo. */
class SudoersValidationTest {

    private static List<String> fields(Supplier<?> build) {
        try {
            build.get();
        } catch (ValidationException e) {
            return e.violations().stream().map(v -> v.field()).toList();
        }
        return List.of();
    }

    @Test
    void aDefaultsValueEndingInABackslashIsRefusedAsTheSettingField() {
        assertThat(fields(() -> SudoDefault.global("secure_path=/usr/bin\\"))).containsExactly("setting");
        assertThat(fields(() -> SudoDefault.forUsers("env_keep += \"A\\\"", "deploy"))).containsExactly("setting");
    }

    @Test
    void valuesThatWouldChangeTheFileStructureAreRefusedInEveryField() {
        for (String setting : List.of("secure_path=/a\nalice ALL=(ALL) ALL", "env_keep += \"A B", "env_keep += \"A\"B\"", "lecture=always#x",
                "secure_path=/a\0b", "passprompt=a b", "editor=/a,/b", "!requiretty\r")) {
            assertThat(fields(() -> SudoDefault.global(setting))).as(setting).containsExactly("setting");
        }
        for (String command : List.of("/bin/ls\n", "/bin/l\0s", "/bin/echo \"a", "/bin/ls #x", "/bin/ls\r")) {
            assertThat(fields(() -> SudoRule.of(r -> r.users("deploy").commands(command)))).as(command).containsExactly("commands");
        }
        assertThat(fields(() -> SudoRule.of(r -> r.users("deploy").commands("/bin/ls \"\"")))).isEmpty();
        assertThat(fields(() -> SudoRule.of(r -> r.users("de\0ploy").commands("ALL")))).containsExactly("users");
        assertThat(fields(() -> SudoRule.of(r -> r.users("deploy").hosts("web\\").commands("ALL")))).containsExactly("hosts");
        assertThat(fields(() -> SudoRule.of(r -> r.users("deploy").runAsUsers("root\n").commands("ALL")))).containsExactly("runAsUsers");
        assertThat(fields(() -> SudoDefault.of(SudoDefault.Scope.COMMANDS, "!log_output", "/bin/x\n"))).containsExactly("targets");
        // a command's backslashes are escaped when rendered, so a final one cannot continue the line
        assertThat(fields(() -> SudoRule.of(r -> r.users("deploy").commands("/bin/echo a\\")))).isEmpty();
    }

    private static ScriptedHost host(byte[] current, String stat, int visudoExit, String visudoSaid) {
        ScriptedHost host = ScriptedHost.named("h");
        host.on("test", "-d").reply("");
        host.when(c -> c.argv().size() > 2 && c.argv().get(2).contains("exec cat"), "read").answer(c -> current == null
                ? new CommandResult("h", c.render(), 3, new byte[0], new byte[0], Duration.ZERO, false)
                : new CommandResult("h", c.render(), 0, current, new byte[0], Duration.ZERO, false));
        host.on("stat").reply(stat);
        host.on("visudo").exit(visudoExit, visudoSaid);
        host.on("grep").reply("");
        return host;
    }

    @Test
    void aVisudoFailureIsBlamedOnTheEntryThatCausedIt() {
        ScriptedHost h = host(null, "", 1, "stdin:4:7: syntax error\nbob ALL=ALL\n      ^\n");
        var change = Sudoers.on(h, Ops.inMemory()).dropIn("ops-x").defaults(SudoDefault.global("!requiretty"))
                .rule(r -> r.users("alice").commands("ALL")).rule(r -> r.users("bob").commands("ALL")).present();

        assertThatThrownBy(change::plan).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("rules[1]"));
        ScriptedHost old = host(null, "", 1, ">>> stdin: syntax error near line 2 <<<\n");
        var oldChange = Sudoers.on(old, Ops.inMemory()).dropIn("ops-x").defaults(SudoDefault.global("!requiretty"))
                .rule(r -> r.users("alice").commands("ALL")).present();
        assertThatThrownBy(oldChange::plan).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("defaults[0]"));
    }

    @Test
    void theUndoPutsBackTheExactBytesModeOwnerAndGroup() {
        ByteArrayOutputStream old = new ByteArrayOutputStream();
        old.writeBytes("# caf".getBytes(StandardCharsets.US_ASCII));
        old.write(0xE9);
        old.writeBytes("\r\nalice ALL=(ALL) ALL\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] before = old.toByteArray();

        for (boolean present : List.of(true, false)) {
            ScriptedHost h = host(before, "640 0 4 regular file\n", 0, "");
            var dropIn = Sudoers.on(h, Ops.inMemory()).dropIn("ops-x");
            Plan plan = present ? dropIn.rule(r -> r.users("alice").commands("ALL")).present().plan() : dropIn.absent().plan();

            InstallSudoersAction undo = (InstallSudoersAction) plan.steps().get(0).undo().orElseThrow();
            assertThat(undo.content()).isEqualTo(before);
            assertThat(List.of(undo.mode(), undo.uid(), undo.gid())).isEqualTo(List.of("0640", 0L, 4L));
        }
    }

    @Test
    void readingADropInRefusesLinesOpsCannotReadBackAndNamesThem() {
        byte[] file = ("# Managed by ops: sudoers drop-in x\n#include /etc/other\nCmnd_Alias X = /bin/ls\nalice ALL=(ALL) \\\n  ALL\n"
                + "bob ALL=(ALL) NOPASSWD: SETENV: /bin/ls\n#1000 ALL=(ALL) ALL\n").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SudoersDropIn.parse(file, "/etc/sudoers.d/x")).isInstanceOfSatisfying(UnreadableLineException.class, e -> {
            assertThat(e.path()).isEqualTo("/etc/sudoers.d/x");
            assertThat(e.lineNumbers()).containsExactly(2, 3, 4, 5, 6);
        });
        assertThat(SudoersDropIn.parse(("# Managed by ops: sudoers drop-in x\n# note\n#1000 ALL=(ALL) ALL\n").getBytes(StandardCharsets.UTF_8), "x")
                .rules()).hasSize(1);
    }
}
