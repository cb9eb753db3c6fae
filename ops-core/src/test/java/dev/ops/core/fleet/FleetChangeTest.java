package dev.ops.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.MarkerChange;
import dev.ops.core.change.Plan;
import dev.ops.core.host.Host;
import dev.ops.core.host.LocalHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class FleetChangeTest {
    private final Ops ops = Ops.inMemory();
    private final List<Host> hosts = List.of(LocalHost.named("h1"), LocalHost.named("h2"), LocalHost.named("h3"), LocalHost.named("h4"));

    @TempDir
    Path dir;

    private MarkerChange markers(Host h, String... names) {
        return new MarkerChange(ops, h, dir, java.util.Arrays.stream(names).map(n -> h.name() + "-" + n).toList());
    }

    @Test
    void planningOnEveryHostChangesNothing() {
        FleetResult<Plan> plans = Fleet.of(hosts).change(h -> markers(h, "m")).plan();

        assertThat(plans.allOk()).isTrue();
        assertThat(plans.values()).hasSize(4).allSatisfy((host, plan) -> assertThat(plan.steps()).hasSize(1));
        assertThat(dir).isEmptyDirectory();
        assertThat(ops.journal().list()).isEmpty();
    }

    @Test
    void batchesStopOnceMoreHostsFailedThanAllowedAndOneRollbackUndoesTheRest() {
        FleetApplied<List<String>> done = Fleet.of(hosts)
                .change(h -> h.name().equals("h2") ? new MarkerChange(ops, h, dir, List.of("fail")) : markers(h, "m"))
                .batchSize(2).maxFailures(0).apply();

        assertThat(done.outcomes()).extracting(HostResult::host).containsExactly("h1", "h2");
        assertThat(done.skipped()).containsExactly("h3", "h4");
        assertThat(done.problems()).extracting(HostResult::host).containsExactly("h2");
        assertThat(done.summary()).startsWith("1 applied, 1 failed").endsWith("2 skipped");
        assertThat(dir.resolve("h1-m")).exists();
        assertThat(dir.resolve("h3-m")).doesNotExist();

        done.rollback();
        assertThat(dir.resolve("h1-m")).doesNotExist();
    }

    @Test
    void continuingOnFailureTriesEveryBatch() {
        FleetApplied<List<String>> done = Fleet.of(hosts)
                .change(h -> h.name().equals("h1") ? new MarkerChange(ops, h, dir, List.of("fail")) : markers(h, "m"))
                .batchSize(1).continueOnFailure().apply();

        assertThat(done.skipped()).isEmpty();
        assertThat(done.outcomes()).filteredOn(HostResult::ok).extracting(HostResult::host).containsExactly("h2", "h3", "h4");
        assertThat(done.outcomes().stream().filter(HostResult::ok).map(r -> r.valueIfOk().map(Applied::changed).orElse(false)))
                .containsOnly(true);
        assertThat(Files.exists(dir.resolve("h4-m"))).isTrue();
    }
}
