package dev.ops.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.Plan;
import dev.ops.core.change.Step;
import dev.ops.core.error.CommandFailedException;
import dev.ops.core.host.Command;
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
}
