package dev.ops.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.MarkerChange;
import dev.ops.core.error.PolicyDeniedException;
import dev.ops.core.host.LocalHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTest {
    @TempDir
    Path dir;

    @Test
    void aDenyRuleRefusesThePlanAlreadyAtDryRun() {
        Ops ops = Ops.inMemory().toBuilder().policy(Policy.builder()
                .deny(DenyRule.steps("no-secret-markers", "marker secret", "secret markers are off limits")).build()).build();

        assertThatThrownBy(() -> new MarkerChange(ops, LocalHost.create(), dir, List.of("ok", "secret")).plan())
                .isInstanceOfSatisfying(PolicyDeniedException.class, e -> {
                    assertThat(e.rule()).isEqualTo("no-secret-markers");
                    assertThat(e.getMessage()).contains("secret markers are off limits").contains("create marker secret");
                });
        assertThat(dir.resolve("ok")).doesNotExist();
    }

    @Test
    void aDenyRuleOnActionsMatchesTargetAndRenderedCommand() {
        Ops ops = Ops.inMemory().toBuilder().policy(Policy.builder()
                .deny(DenyRule.actions("no-touch-on-local", "^local$", "^touch ", "no touching")).build()).build();

        assertThatThrownBy(() -> new MarkerChange(ops, LocalHost.create(), dir, List.of("a")).plan()).isInstanceOf(PolicyDeniedException.class);
    }

    @Test
    void theApproverSeesThePlanAndItsRefusalStopsTheApplyBeforeAnyStep() {
        List<String> seen = new ArrayList<>();
        Ops ops = Ops.inMemory().toBuilder().policy(Policy.builder().approver("change-board", plan -> {
            seen.add(plan.change());
            return Approver.Decision.reject("freeze until Monday");
        }).build()).build();
        MarkerChange change = new MarkerChange(ops, LocalHost.create(), dir, List.of("a"));

        change.plan();
        assertThat(seen).as("a dry-run does not ask for approval").isEmpty();
        assertThatThrownBy(change::apply).isInstanceOfSatisfying(PolicyDeniedException.class, e -> {
            assertThat(e.rule()).isEqualTo("change-board");
            assertThat(e.getMessage()).contains("freeze until Monday");
        });
        assertThat(seen).hasSize(1);
        assertThat(dir.resolve("a")).doesNotExist();
        assertThat(ops.journal().list()).isEmpty();
    }
}
