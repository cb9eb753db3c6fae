package dev.ops.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.MarkerChange;
import dev.ops.core.host.LocalHost;
import dev.ops.core.store.InMemoryStateStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class OpsMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Ops ops = Ops.builder().store(InMemoryStateStore.create()).listener(OpsMetrics.of(registry)).build();

    @TempDir
    Path dir;

    @Test
    void anApplyIsTimedByChangeTypeAndOutcomeAndSoIsEachStep() {
        new MarkerChange(ops, LocalHost.create(), dir, List.of("a", "b")).apply();

        assertThat(registry.get("ops.apply").tags("change", "MarkerChange", "outcome", "applied").timer().count()).isEqualTo(1);
        assertThat(registry.get("ops.apply.steps").tags("change", "MarkerChange", "outcome", "ok").timer().count()).isEqualTo(2);
    }

    @Test
    void aFailedApplyCountsAsRolledBackWithItsFailedStepAndTheStepsItsRollbackUndid() {
        assertThatThrownBy(() -> new MarkerChange(ops, LocalHost.create(), dir, List.of("a", "b", "fail")).apply())
                .isInstanceOf(RuntimeException.class);

        assertThat(registry.get("ops.apply").tags("change", "MarkerChange", "outcome", "rolled_back").timer().count()).isEqualTo(1);
        assertThat(registry.get("ops.apply.steps").tags("outcome", "failed").timer().count()).isEqualTo(1);
        assertThat(registry.get("ops.rollback.steps").tags("change", "MarkerChange", "outcome", "undone").counter().count()).isEqualTo(2);
    }

    @Test
    void aRollbackAskedForLaterIsCountedUnderTheChangeTypeItWasAppliedAs() {
        Applied<List<String>> done = new MarkerChange(ops, LocalHost.create(), dir, List.of("a")).apply();

        done.rollback();

        assertThat(registry.get("ops.rollback.steps").tags("change", "MarkerChange", "outcome", "undone").counter().count()).isEqualTo(1);
    }
}
