package dev.ops.pve.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.ValidationException;
import dev.ops.pve.PveChanges;
import dev.ops.pve.PveClient;
import dev.ops.pve.replication.ReplicationJob;
import dev.ops.pve.replication.ReplicationState;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Replication jobs are changes with rollback, and running one leaves state on the guest's node, as PVE's runner does. */
@Timeout(30)
class ReplicationChangesTest {
    private final PveFakeServer pve = Fakes.cluster().vm(101, "pve1", vm -> vm.name("db")).start();
    private final PveClient client = Fakes.client(pve);
    private final PveChanges changes = client.changes(Ops.inMemory());

    @AfterEach
    void stop() {
        pve.close();
    }

    @Test
    void aJobMadeRunAndRolledBackLeavesStateThenNothing() {
        Applied<Optional<ReplicationJob>> made = changes.replicationJob(r -> r.guest(101).target("pve2").schedule("*/5").rate(50)).apply();
        assertThat(made.value()).hasValueSatisfying(j -> assertThat(j.target()).isEqualTo("pve2"));
        assertThat(client.replication().states("pve1")).singleElement().satisfies(s -> assertThat(s.synced()).isFalse());

        ReplicationState after = changes.runReplication("101-0").apply().value();
        assertThat(after.synced()).isTrue();
        assertThat(after.failure()).isEmpty();
        assertThat(after.source()).isEqualTo("pve1");

        made.rollback();
        assertThat(client.replication().list()).isEmpty();
    }

    @Test
    void anUpdateShowsOldToNewAndATargetChangeIsRefused() {
        changes.replicationJob(r -> r.guest(101).target("pve2")).apply();

        var plan = changes.replicationJob(r -> r.guest(101).target("pve2").schedule("*/30").comment("nightly")).plan();
        assertThat(plan.notes()).contains("schedule: (default) -> */30", "comment: (default) -> nightly");
        assertThatThrownBy(() -> changes.replicationJob(r -> r.guest(101).target("pve1")).plan()).isInstanceOf(ConflictException.class)
                .hasMessageContaining("cannot change");
        Applied<Optional<ReplicationJob>> removed = changes.removeReplicationJob("101-0").apply();
        assertThat(client.replication().list()).isEmpty();
        removed.rollback();
        assertThat(client.replication().get("101-0")).isPresent();
    }

    @Test
    void aSettingTheRequestLeavesOutIsRemovedAndTheUndoPutsItBack() {
        changes.replicationJob(r -> r.guest(101).target("pve2").schedule("*/30").rate(50).comment("nightly")).apply();
        ReplicationJob before = client.replication().get("101-0").orElseThrow();

        var update = changes.replicationJob(r -> r.guest(101).target("pve2").schedule("*/30"));
        assertThat(update.plan().notes()).contains("rate: 50 -> (default)", "comment: nightly -> (default)");
        Applied<Optional<ReplicationJob>> done = update.apply();
        assertThat(done.value()).hasValueSatisfying(j -> {
            assertThat(j.rate()).isZero();
            assertThat(j.comment()).isEmpty();
        });

        done.rollback();
        assertThat(client.replication().get("101-0")).contains(before);
    }

    @Test
    void aJobToTheGuestsOwnNodeFailsWhenItRunsAndSaysWhy() {
        changes.replicationJob(r -> r.guest(101).jobNumber(1).target("pve1")).apply();

        assertThat(changes.runReplication("101-1").apply().value().failure()).hasValueSatisfying(e -> assertThat(e).contains("own node"));
    }

    @Test
    void badInputAndMissingGuestsAreRefusedAtPlan() {
        assertThatThrownBy(() -> changes.replicationJob(r -> r.guest(5).target("pve 2").rate(0)).plan())
                .isInstanceOf(ValidationException.class).hasMessageContaining("guest").hasMessageContaining("target").hasMessageContaining("rate");
        assertThatThrownBy(() -> changes.replicationJob(r -> r.guest(777).target("pve2")).plan()).isInstanceOf(NotFoundException.class);
        assertThat(pve.violations()).isEmpty();
    }
}
