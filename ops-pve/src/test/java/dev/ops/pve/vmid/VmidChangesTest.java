package dev.ops.pve.vmid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Targets;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.ValidationException;
import dev.ops.pve.PveClient;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A VMID is reserved by a change: planning reads only, the id is taken at apply, and the rollback releases it. */
@Timeout(30)
class VmidChangesTest {
    private final PveFakeServer pve = Fakes.cluster().start();
    private final PveClient client = Fakes.client(pve);
    private final Ops ops = Ops.inMemory();

    @AfterEach
    void stop() {
        pve.close();
    }

    @Test
    void theNextFreeIdIsTakenAtApplyAndReleasedByTheRollback() {
        pve.seed(b -> b.vm(100, "pve1"));
        VmidAllocator vmids = client.vmids(ops);

        assertThat(vmids.next().plan().render()).contains("taken at apply");
        assertThat(ops.store().list("pve/")).isEmpty();

        Applied<Integer> id = vmids.next().apply();
        assertThat(id.value()).isEqualTo(101);
        assertThat(vmids.isReserved(101)).isTrue();
        assertThat(vmids.next().apply().value()).isEqualTo(102);

        id.rollback();
        assertThat(vmids.isReserved(101)).isFalse();
    }

    @Test
    void aRecoveryGivenNoClientStillReleasesTheReservation() {
        Applied<Integer> id = client.vmids(ops).reserve(150).apply();

        ops.rollback(id.id().orElseThrow(), Targets.none()).run();

        assertThat(client.vmids(ops).isReserved(150)).isFalse();
        assertThat(ops.store().list("pve/")).isEmpty();
    }

    @Test
    void reservingAnIdThatIsReservedOrExistsFailsAtPlanWithAConflict() {
        pve.seed(b -> b.vm(120, "pve1"));
        client.vmids(ops).reserve(150).apply();

        assertThatThrownBy(() -> client.vmids(ops).reserve(150).plan()).isInstanceOf(ConflictException.class).hasMessageContaining("150");
        assertThatThrownBy(() -> client.vmids(ops).reserve(120).plan()).isInstanceOf(ConflictException.class).hasMessageContaining("120");
        assertThatThrownBy(() -> client.vmids(ops).reserve(5).plan()).isInstanceOf(ValidationException.class).hasMessageContaining("vmid");
    }
}
