package dev.ops.gpu.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.ValidationException;
import dev.ops.testkit.sysfs.FakeSysfs;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Detach and attach move a GPU's slot function by function, plan without writing, and roll back exactly. */
class GpusTest {
    private FakeSysfs fake;

    private Gpus gpus(String layout) {
        fake = FakeSysfs.layout(layout);
        return Gpus.on(fake.host(), Ops.inMemory()).sysfs(fake.sysfs()).procfs(fake.procfs());
    }

    @AfterEach
    void close() {
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void gpusAreListedWithTheirSiblingFunctionsAndIsolation() {
        List<Gpu> list = gpus("dual-identical-rtx5090").list();
        assertThat(list).extracting(g -> g.address().toString()).containsExactly("0000:01:00.0", "0000:02:00.0", "0000:05:00.0");
        Gpu first = list.get(0);
        assertThat(first.siblings()).extracting(d -> d.address().toString()).containsExactly("0000:01:00.1");
        assertThat(first.isolation().verdict()).isEqualTo(Isolation.Verdict.ISOLATED);
    }

    @Test
    void aSharedGroupNamesWhatTheHostWouldLose() {
        Gpu gpu = gpus("shared-group-pch-slot").get("0000:03:00.0").orElseThrow();
        assertThat(gpu.isolation().verdict()).isEqualTo(Isolation.Verdict.SHARED);
        assertThat(gpu.isolation().others()).extracting(d -> d.address().toString()).containsExactly("0000:02:00.0");
    }

    @Test
    void planningADetachListsOneStepPerFunctionAndWritesNothing() {
        Plan plan = gpus("dual-identical-rtx5090").gpu("0000:02:00.0").detach().plan();
        assertThat(plan.steps()).hasSize(2);
        assertThat(plan.steps().get(0).description()).contains("0000:02:00.0").contains("vfio-pci").contains("now nvidia");
        assertThat(plan.steps().get(1).description()).contains("0000:02:00.1").contains("now snd_hda_intel");
        assertThat(fake.writes()).isEmpty();
    }

    @Test
    void detachMovesTheSlotToVfioAndLeavesTheIdenticalSecondCardAlone() {
        Applied<GpuBinding> done = gpus("dual-identical-rtx5090").gpu("0000:02:00.0").detach().apply();
        assertThat(done.value().drivers()).containsValues("vfio-pci").doesNotContainValue("nvidia");
        assertThat(fake.driver("0000:02:00.0")).contains("vfio-pci");
        assertThat(fake.driver("0000:02:00.1")).contains("vfio-pci");
        assertThat(fake.driverOverride("0000:02:00.0")).isEqualTo("vfio-pci");
        assertThat(fake.driver("0000:01:00.0")).contains("nvidia");
        assertThat(fake.driver("0000:01:00.1")).contains("snd_hda_intel");
        assertThat(fake.writes()).noneMatch(w -> w.contains("new_id"));
    }

    @Test
    void rollingBackADetachRestoresTheOriginalDriversAndOverrides() {
        Applied<GpuBinding> done = gpus("dual-identical-rtx5090").gpu("0000:02:00.0").detach().apply();
        done.rollback();
        assertThat(fake.driver("0000:02:00.0")).contains("nvidia");
        assertThat(fake.driver("0000:02:00.1")).contains("snd_hda_intel");
        assertThat(fake.driverOverride("0000:02:00.0")).isEmpty();
        assertThat(fake.driverOverride("0000:02:00.1")).isEmpty();
    }

    @Test
    void aDetachedGpuPlansNoStepsWhenDetachedAgain() {
        Gpus gpus = gpus("dual-identical-rtx5090");
        gpus.gpu("0000:02:00.0").detach().apply();
        assertThat(gpus.gpu("0000:02:00.0").detach().plan().steps()).isEmpty();
    }

    @Test
    void attachGivesTheGpuBackToANamedDriverAndItsSiblingsToTheKernelsChoice() {
        Gpus gpus = gpus("dual-identical-rtx5090");
        gpus.gpu("0000:02:00.0").detach().apply();
        gpus.gpu("0000:02:00.0").attach("nvidia").apply();
        assertThat(fake.driver("0000:02:00.0")).contains("nvidia");
        assertThat(fake.driver("0000:02:00.1")).contains("snd_hda_intel");
        assertThat(fake.driverOverride("0000:02:00.0")).isEmpty();
    }

    @Test
    void vfioIsLoadedFirstWhenTheKernelLacksIt() {
        Gpus gpus = gpus("laptop-igpu-dgpu");
        Plan plan = gpus.gpu("0000:01:00.0").detach().plan();
        assertThat(plan.steps().get(0).description()).isEqualTo("load vfio-pci");
        gpus.gpu("0000:01:00.0").detach().apply();
        assertThat(fake.writes()).first().isEqualTo("modprobe vfio-pci");
        assertThat(fake.driver("0000:01:00.0")).contains("vfio-pci");
    }

    @Test
    void aGpuHeldByProcessesIsRefusedNamingThem() {
        Gpus gpus = gpus("workstation-gtx1060");
        assertThatThrownBy(() -> gpus.gpu("0000:01:00.0").detach().plan()).isInstanceOf(GpuInUseException.class)
                .hasMessageContaining("Xorg (pid 1184)").hasMessageContaining("gnome-shell");
    }

    @Test
    void aForcedDetachNamesTheProcessesAndAFailedUnbindLeavesNothingHalfApplied() {
        Gpus gpus = gpus("workstation-gtx1060");
        Plan plan = gpus.gpu("0000:01:00.0").force().detach().plan();
        assertThat(plan.notes()).anyMatch(n -> n.contains("Xorg (pid 1184)"));
        assertThatThrownBy(() -> gpus.gpu("0000:01:00.0").force().detach().apply()).hasMessageContaining("busy");
        assertThat(fake.driver("0000:01:00.0")).contains("nvidia");
        assertThat(fake.driver("0000:01:00.1")).contains("snd_hda_intel");
        assertThat(fake.driverOverride("0000:01:00.0")).isEmpty();
    }

    @Test
    void aGpuIsFreeOnceItsProcessesEnd() {
        Gpus gpus = gpus("workstation-gtx1060");
        fake.release(1184);
        fake.release(2210);
        gpus.gpu("0000:01:00.0").detach().apply();
        assertThat(fake.driver("0000:01:00.0")).contains("vfio-pci");
    }

    @Test
    void malformedAddressesAreRefusedNamingTheField() {
        Gpus gpus = gpus("dual-identical-rtx5090");
        for (String bad : List.of("01:00", "0000:01:00.8", "0000:01:20.0", "zz:00.0")) {
            assertThatThrownBy(() -> gpus.gpu(bad).detach().plan()).as(bad).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.violationsOf("address")).isNotEmpty());
        }
        assertThat(fake.writes()).isEmpty();
    }

    @Test
    void aDeviceThatIsNotAGpuOrDoesNotExistIsRefusedNamingTheField() {
        Gpus gpus = gpus("dual-identical-rtx5090");
        assertThatThrownBy(() -> gpus.gpu("0000:04:00.0").detach().plan()).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violationsOf("address")).singleElement().satisfies(v -> assertThat(v.message()).contains("network controller")));
        assertThatThrownBy(() -> gpus.gpu("0000:09:00.0").detach().plan()).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violationsOf("address")).singleElement().satisfies(v -> assertThat(v.message()).contains("no PCI function")));
    }

    @Test
    void aFailureOnTheSecondFunctionRollsTheFirstBack() {
        Gpus gpus = gpus("dual-identical-rtx5090");
        fake.failNextWrite("bus/pci/drivers/snd_hda_intel/unbind", "Input/output error");
        assertThatThrownBy(() -> gpus.gpu("0000:02:00.0").detach().apply()).hasMessageContaining("Input/output error");
        assertThat(fake.driver("0000:02:00.0")).contains("nvidia");
        assertThat(fake.driverOverride("0000:02:00.0")).isEmpty();
        assertThat(fake.driver("0000:02:00.1")).contains("snd_hda_intel");
        assertThat(fake.driverOverride("0000:02:00.1")).isEmpty();
    }
}
