package dev.ops.usr.sudo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SudoersRenderingTest {

    @Test
    void rendersUsersGroupsRunAsNoPasswordAndEscapedCommands() {
        SudoRule rule = SudoRule.builder().users("deploy").groups("ops").runAsUsers("root").runAsGroups("adm").noPassword(true)
                .commands("/usr/bin/systemctl restart app", "/usr/bin/echo a,b:c=d").build();

        assertThat(rule.render()).isEqualTo(
                "deploy,%ops ALL=(root:adm) NOPASSWD: /usr/bin/systemctl restart app, /usr/bin/echo a\\,b\\:c\\=d");
    }

    @Test
    void rendersScopedDefaults() {
        assertThat(SudoDefault.forUsers("!requiretty", "deploy", "%ops").render()).isEqualTo("Defaults:deploy,%ops !requiretty");
        assertThat(SudoDefault.global("env_keep += \"A B\"").render()).isEqualTo("Defaults env_keep += \"A B\"");
        assertThat(SudoDefault.of(SudoDefault.Scope.COMMANDS, "!log_output", "/usr/bin/passwd").render())
                .isEqualTo("Defaults!/usr/bin/passwd !log_output");
    }

    @Test
    void badEntriesAreRefusedAllAtOnce() {
        assertThatThrownBy(() -> SudoRule.builder().users("Bad User").hosts("no host").commands("rm -rf /").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(Violation::field)
                        .containsExactly("users", "hosts", "commands"));
    }

    @Test
    void namesSudoWouldIgnoreAreRefused() {
        assertThatThrownBy(() -> new SudoersDropIn("ops.deploy", List.of(), List.of())).hasMessageContaining("sudo silently ignores");
        assertThatThrownBy(() -> new SudoersDropIn("ops-deploy~", List.of(), List.of())).hasMessageContaining("sudo silently ignores");
    }

    @Property(tries = 300)
    void parseOfRenderIsIdentity(@ForAll("dropIns") SudoersDropIn dropIn) {
        assertThat(SudoersDropIn.parse(dropIn.render())).isEqualTo(dropIn);
    }

    /** Samples from the same generator; a plain test so that a machine without root or visudo skips rather than fails. */
    @Test
    void theRealVisudoAcceptsEveryRenderedDropIn() {
        dev.ops.core.testing.RealComponents.program("visudo");
        dev.ops.core.testing.RealComponents.root();
        for (SudoersDropIn dropIn : dropIns().sampleStream().limit(40).toList()) {
            var r = dev.ops.core.host.LocalHost.create().run(dev.ops.core.host.Command.builder().addArgv("visudo", "-c", "-f", "-")
                    .stdin(dropIn.render()).build());

            assertThat(r.ok()).as("visudo on %n%s%s", dropIn.render(), r.stderrText()).isTrue();
        }
    }

    @Provide
    Arbitrary<SudoersDropIn> dropIns() {
        Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> user = Arbitraries.oneOf(name, name.map(n -> "%" + n), Arbitraries.integers().between(0, 70000).map(i -> "#" + i),
                Arbitraries.just("ALL"));
        Arbitrary<String> command = Arbitraries.oneOf(Arbitraries.just("ALL"),
                Arbitraries.strings().withChars("abc /-_,:=\\.").ofMaxLength(20).map(s -> ("/usr/bin/x " + s).strip()));
        Arbitrary<SudoRule> rule = Combinators.combine(user.list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.of("ALL", "web-1", "10.0.0.0/8").list().ofMinSize(1).ofMaxSize(2),
                        name.list().ofMaxSize(2), name.list().ofMaxSize(2), Arbitraries.of(true, false), command.list().ofMinSize(1).ofMaxSize(3))
                .as(SudoRule::new);
        Arbitrary<SudoDefault> def = Arbitraries.oneOf(
                Arbitraries.of("!requiretty", "env_reset", "env_keep += \"A B\"", "timestamp_timeout=5").map(SudoDefault::global),
                Combinators.combine(Arbitraries.of("!requiretty", "!lecture"), user.list().ofMinSize(1).ofMaxSize(2))
                        .as((s, us) -> new SudoDefault(SudoDefault.Scope.USERS, us, s)),
                command.filter(c -> !c.equals("ALL") && !c.contains(" ")).map(c -> SudoDefault.of(SudoDefault.Scope.COMMANDS, "!log_output", c)));
        return Combinators.combine(name, def.list().ofMaxSize(3), rule.list().ofMaxSize(3)).as(SudoersDropIn::new);
    }
}
