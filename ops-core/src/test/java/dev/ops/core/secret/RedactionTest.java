package dev.ops.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.Plan;
import dev.ops.core.change.Step;
import dev.ops.core.error.CommandFailedException;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void aSecretNeverShowsItsValueInToString() {
        Secret s = Secret.of("correct-horse-battery");

        assertThat(s.toString()).isEqualTo("***");
        assertThat(s.reveal()).isEqualTo("correct-horse-battery");
    }

    @Test
    void aRegisteredSecretIsMaskedInPlansJsonAndExceptions() {
        Secret s = Secret.of("s3cr3t-value-42");
        Command c = Command.of("pveum", "passwd", "--password", s.reveal());
        Plan plan = Plan.of("set password", List.of(Step.irreversible("set password", CommandAction.of("pve", c))), List.of(), Instant.now());

        assertThat(plan.render()).doesNotContain("s3cr3t-value-42").contains("***");
        assertThat(plan.toJson()).doesNotContain("s3cr3t-value-42");
        assertThat(new CommandFailedException("pve", c.render(), 1, "bad s3cr3t-value-42").getMessage()).doesNotContain("s3cr3t-value-42");
        assertThat(Ops.inMemory().toString()).doesNotContain("s3cr3t");
    }

    @Test
    void wellKnownCredentialShapesAreMaskedWithoutRegistration() {
        Redactor r = Redactor.global();

        assertThat(r.redact("Authorization: PVEAPIToken=root@pam!ops=0b3f-11aa")).isEqualTo("Authorization: PVEAPIToken=root@pam!ops=***");
        assertThat(r.redact("Cookie: PVEAuthCookie=PVE:root@pam:ABC::sig")).isEqualTo("Cookie: PVEAuthCookie=***");
        assertThat(r.redact("password=hunter2&user=bob")).isEqualTo("password=***&user=bob");
        assertThat(r.redact("deploy ALL=(root) NOPASSWD: /usr/bin/systemctl")).isEqualTo("deploy ALL=(root) NOPASSWD: /usr/bin/systemctl");
    }

    @Test
    void aSecretIsMaskedInItsJsonEscapedUrlEncodedAndShellQuotedForms() {
        Secret s = Secret.of("it's \"q\" \\ ü\nline");
        String json = "{\"password\":\"it's \\\"q\\\" \\\\ ü\\nline\"}";
        String url = "user=bob&pw=" + java.net.URLEncoder.encode(s.reveal(), java.nio.charset.StandardCharsets.UTF_8);
        String shell = Command.of("set-password", s.reveal()).toString();

        assertThat(Redactor.global().redact(json)).doesNotContain("q\\\"").contains("***");
        assertThat(Redactor.global().redact(url)).isEqualTo("user=bob&pw=***");
        assertThat(Redactor.global().redact(shell)).doesNotContain("line").contains("***");
        assertThat(Redactor.global().redact("x " + s.reveal() + " y")).isEqualTo("x *** y");
    }

    @Test
    void theLongestSecretStartingAtAPositionIsMaskedWhole() {
        Redactor r = new Redactor();
        r.register("abc");
        r.register("abcdef");

        assertThat(r.redact("1abcdef2abc3")).isEqualTo("1***2***3");
        assertThat(r.containsSecret("zzabz")).isFalse();
        assertThat(r.containsSecret("zzabcz")).isTrue();
    }

    @Test
    void aSecretNoLongerReachableIsForgottenSoMemoryStaysBounded() throws InterruptedException {
        Redactor r = new Redactor();
        Object keep = new Object();
        r.register(keep, "kept-secret-value");
        for (int i = 0; i < 30_000; i++) {
            r.register(new Object(), "short-lived-secret-" + i);
        }
        for (int attempt = 0; attempt < 50 && r.liveForms() > 10; attempt++) {
            System.gc();
            Thread.sleep(20);
            r.register(keep, "kept-secret-value"); // registering expunges what was collected
        }

        assertThat(r.liveForms()).isLessThan(10);
        assertThat(r.redact("kept-secret-value")).isEqualTo("***");
        assertThat(r.redact("short-lived-secret-7")).isEqualTo("short-lived-secret-7");
        java.lang.ref.Reference.reachabilityFence(keep);
    }

    @Test
    void aValueRegisteredByTwoOwnersStaysMaskedUntilBothAreGone() throws InterruptedException {
        Redactor r = new Redactor();
        Object first = new Object();
        Object second = new Object();
        r.register(first, "shared-value");
        r.register(second, "shared-value");
        first = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            System.gc();
            Thread.sleep(10);
            r.register(new Object(), "unrelated-" + attempt);
        }

        assertThat(r.redact("shared-value")).isEqualTo("***");
        java.lang.ref.Reference.reachabilityFence(second);
    }

    @Test
    void aCommandsSensitiveValuesAreMaskedInTheStderrOfItsFailure() {
        Command c = Command.builder().addArgv("sh", "-c", "echo \"bad password $1\" >&2; exit 2", "sh", "pl41n-only-here")
                .addSensitive("pl41n-only-here").build();

        CommandResult r = dev.ops.core.host.LocalHost.create().run(c);

        assertThat(r.stderrTail()).contains("bad password ***").doesNotContain("pl41n-only-here");
        assertThatThrownBy(r::orThrow).isInstanceOf(CommandFailedException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pl41n-only-here"))
                .satisfies(e -> assertThat(((CommandFailedException) e).stderrTail()).doesNotContain("pl41n-only-here"));
    }

    @Test
    void environmentNamesMustBeVariableNames() {
        assertThatThrownBy(() -> Command.builder().addArgv("true").putEnv("-i", "x").putEnv("A=B", "c").putEnv("OK_1", "v").build())
                .isInstanceOfSatisfying(dev.ops.core.error.ValidationException.class, e -> {
                    assertThat(e.violationsOf("env")).hasSize(2);
                    assertThat(e.getMessage()).contains("'-i'").contains("'A=B'");
                });
    }
}
