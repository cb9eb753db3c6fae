package dev.ops.pve.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.ValidationException;
import dev.ops.pve.PveChanges;
import dev.ops.pve.PveClient;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveAnswer;
import dev.ops.testkit.pve.PveFakeServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Growing a disk: absolute or by an amount, never shrinking, answered as a task (PVE 7+) or synchronously (PVE 6). */
@Timeout(30)
class ResizeDiskTest {
    private final PveFakeServer pve = Fakes.cluster()
            .vm(101, "pve1", vm -> vm.name("web").set("scsi0", "local-lvm:vm-101-disk-0,size=8G"))
            .container(200, "pve1", ct -> ct.name("ct").set("rootfs", "local-lvm:subvol-200-disk-0,size=4G"))
            .volume("pve1", "local-lvm:vm-101-disk-0", 8L << 30).start();
    private final PveClient client = Fakes.client(pve);
    private final PveChanges changes = client.changes(Ops.inMemory());
    private final Guest vm = client.node("pve1").qemu().vm(101);

    @AfterEach
    void stop() {
        pve.close();
    }

    @Test
    void aDiskGrowsByAnAmountAndThePlanSaysItCannotBeUndone() {
        var grow = changes.resizeDisk(vm, "scsi0", "+2G");
        Plan plan = grow.plan();

        assertThat(plan.steps()).singleElement().satisfies(s -> {
            assertThat(s.description()).contains("grow scsi0 of", "from 8G to 10G");
            assertThat(s.undo()).isEmpty();
        });
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("cannot be undone"));
        Applied<GuestConfig> done = grow.apply();

        assertThat(done.value().values().get("scsi0")).contains("size=10G");
        assertThat(done.rollback().irreversible()).hasSize(1);
        assertThat(vm.config().values().get("scsi0")).as("not shrunk by the rollback").contains("size=10G");
    }

    @Test
    void anAbsoluteSizeIsReachedOnceAndAContainerVolumeGrowsToo() {
        changes.resizeDisk(vm, "scsi0", "12G").apply();
        assertThat(changes.resizeDisk(vm, "scsi0", "12G").plan().steps()).as("already that size").isEmpty();
        assertThat(changes.resizeDisk(vm, "scsi0", "12288M").plan().steps()).as("the same size in other units").isEmpty();

        Guest ct = client.node("pve1").lxc().container(200);
        assertThat(changes.resizeDisk(ct, "rootfs", "+1G").apply().value().values().get("rootfs")).contains("size=5G");
    }

    @Test
    void shrinkingAndBadInputAreRefusedAtPlanNamingTheField() {
        assertThatThrownBy(() -> changes.resizeDisk(vm, "scsi0", "4G").plan()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("would shrink scsi0 from 8G to 4G");
        assertThatThrownBy(() -> changes.resizeDisk(vm, "disk0", "-1G").plan()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'disk0' is not a disk").hasMessageContaining("'-1G' is not a size");
        assertThatThrownBy(() -> changes.resizeDisk(vm, "scsi1", "+1G").plan()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no such disk");
    }

    @Test
    void aPve6ServerThatResizesSynchronouslyIsUnderstood() {
        pve.answerNext("PUT", "/nodes/pve1/qemu/101/resize", PveAnswer.data(null));

        Applied<GuestConfig> done = changes.resizeDisk(vm, "scsi0", "+1G").apply();

        assertThat(done.changed()).isTrue();
    }
}
