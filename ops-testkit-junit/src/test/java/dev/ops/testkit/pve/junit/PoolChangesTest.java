package dev.ops.testkit.pve.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.ValidationException;
import dev.ops.pve.PveClient;
import dev.ops.pve.pool.PoolSummary;
import dev.ops.testkit.pve.PveFakeServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Resource pools through ops-pve's changes, against the fake: create, fill, empty, delete, and each rolled back. */
@EnablePveFake
@Timeout(60)
class PoolChangesTest {

    @PveSeed
    static void seed(PveFakeServer.Builder b) {
        b.node("pve-01").pool("prod", "production").vm(100, "pve-01", vm -> vm.pool("prod")).vm(101, "pve-01").vm(102, "pve-01");
    }

    @Test
    void aPoolIsCreatedFilledAndEachStepRolledBack(PveClient client) {
        Ops ops = Ops.inMemory();
        var created = client.changes(ops).createPool(p -> p.poolid("lab").comment("the lab")).apply();
        assertThat(created.value().comment()).contains("the lab");

        var added = client.changes(ops).addToPool("lab", List.of(client.node("pve-01").qemu().vm(101))).apply();
        assertThat(added.value().vmids()).containsExactly(101);
        assertThat(client.changes(ops).addToPool("lab", List.of(client.node("pve-01").qemu().vm(101))).plan().isEmpty())
                .as("already in").isTrue();

        added.rollback();
        assertThat(client.pools().get("lab").orElseThrow().vmids()).isEmpty();
        created.rollback();
        assertThat(client.pools().get("lab")).isEmpty();
    }

    @Test
    void aGuestInAnotherPoolIsRefusedNamingIt(PveClient client) {
        client.changes(Ops.inMemory()).createPool(p -> p.poolid("lab2")).apply();
        assertThatThrownBy(() -> client.changes(Ops.inMemory()).addToPool("lab2", List.of(client.node("pve-01").qemu().vm(100))).plan())
                .isInstanceOf(ValidationException.class).hasMessageContaining("is in pool prod");
    }

    @Test
    void onlyAnEmptyPoolIsDeletedAndItsRollbackBringsItBack(PveClient client) {
        assertThatThrownBy(() -> client.changes(Ops.inMemory()).deletePool("prod").plan()).isInstanceOf(ConflictException.class)
                .hasMessageContaining("qemu/100");
        client.changes(Ops.inMemory()).createPool(p -> p.poolid("empty").comment("kept for later")).apply();

        var deleted = client.changes(Ops.inMemory()).deletePool("empty").apply();
        assertThat(client.pools().list()).extracting(PoolSummary::poolid).doesNotContain("empty");
        deleted.rollback();
        assertThat(client.pools().get("empty").orElseThrow().comment()).contains("kept for later");
    }

    @Test
    void aBadPoolIdIsRefusedBeforeAnyCall(PveClient client) {
        assertThatThrownBy(() -> client.changes(Ops.inMemory()).createPool(p -> p.poolid("bad id!")).plan())
                .isInstanceOf(ValidationException.class).hasMessageContaining("'bad id!' is not a valid pool id");
    }
}
