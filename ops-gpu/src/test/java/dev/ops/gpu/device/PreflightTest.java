package dev.ops.gpu.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.error.ValidationException;
import dev.ops.testkit.sysfs.FakeSysfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The preflight reports every problem at once, each by a stable code and the field it is about. */
class PreflightTest {
    private FakeSysfs fake;

    private Preflight preflight(String layout, String address) {
        return preflight(layout, address, r -> {});
    }

    private Preflight preflight(String layout, String address, Consumer<PreflightRequest.Builder> r) {
        fake = FakeSysfs.layout(layout);
        return Gpus.on(fake.host(), Ops.inMemory()).sysfs(fake.sysfs()).procfs(fake.procfs()).preflight(address, r);
    }

    private static FakeSysfs edited(String layout, String from, String to) {
        return FakeSysfs.fromText(String.join("\n", FakeSysfs.layout(layout).layoutLines()).replace(from, to));
    }

    @AfterEach
    void close() {
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void anIsolatedIdleCardOnVfioReadyHostHasNoErrors() {
        Preflight p = preflight("dual-identical-rtx5090", "0000:02:00.0");
        assertThat(p.passes()).as(p.render()).isTrue();
        assertThat(p.has("host-driver")).isTrue();
    }

    @Test
    void aSharedGroupNamesTheHostsOnlyNic() {
        Preflight p = preflight("shared-group-pch-slot", "0000:03:00.0");
        assertThat(p.errors()).anySatisfy(e -> {
            assertThat(e.code()).isEqualTo("group-shared");
            assertThat(e.field()).isEqualTo("0000:02:00.0");
            assertThat(e.message()).contains("the host's only NIC").contains("igb");
        });
        assertThat(p.has("link-width")).isTrue();
    }

    @Test
    void aStorageControllerInTheGroupIsNamedWithItsDisksAndWhereTheyAreMounted() {
        fake = dev.ops.gpu.GpuFixtures.nvmeInGpuGroup();
        Preflight p = Gpus.on(fake.host(), Ops.inMemory()).sysfs(fake.sysfs()).procfs(fake.procfs()).preflight("0000:02:00.0");
        assertThat(p.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("group-shared");
            assertThat(e.field()).isEqualTo("0000:03:00.0");
            assertThat(e.message()).contains("the NVMe storage controller 0000:03:00.0 holding nvme0n1, mounted at /, /boot/efi and /mnt/data x,"
                    + " under device-mapper pve-swap, pve-root (the host's root file system): the host would lose it");
        });
    }

    @Test
    void aDiskNothingShowsInUseIsNamedAsNotMountedWithTheZfsCaveat() {
        try (FakeSysfs base = FakeSysfs.layout("dual-identical-rtx5090")) {
            fake = FakeSysfs.fromText(String.join("\n", base.layoutLines()).replace("driver=nvme group=11", "driver=nvme group=10")
                    + "\nblock nvme0n1 0000:03:00.0 259:0\nblock nvme0n1p3 part-of=nvme0n1 259:3\nmount 0:40 / zfs rpool/ROOT/pve-1");
        }
        Preflight p = Gpus.on(fake.host(), Ops.inMemory()).sysfs(fake.sysfs()).procfs(fake.procfs()).preflight("0000:02:00.0");
        assertThat(p.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("holding nvme0n1, not mounted (a disk of a ZFS pool shows as not mounted: check zpool status)"));
    }

    @Test
    void aStorageControllerWithoutDisksSaysSoAndTheOnlyNicStaysAsItIs() {
        fake = FakeSysfs.fromText(String.join("\n", FakeSysfs.layout("dual-identical-rtx5090").layoutLines())
                .replace("driver=nvme group=11", "driver=nvme group=10"));
        Preflight p = Gpus.on(fake.host(), Ops.inMemory()).sysfs(fake.sysfs()).procfs(fake.procfs()).preflight("0000:02:00.0");
        assertThat(p.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("no disk below it in sysfs"));
        assertThat(preflight("shared-group-pch-slot", "0000:03:00.0").errors()).anySatisfy(e -> assertThat(e.message())
                .contains("driven by igb - the host's only NIC;"));
    }

    @Test
    void theWorkstationReportsUsersFramebufferAndConsoleTogether() {
        Preflight p = preflight("workstation-gtx1060", "0000:01:00.0");
        assertThat(p.errors()).extracting(Problem::code).contains("in-use");
        assertThat(p.problems()).extracting(Problem::code).contains("boot-framebuffer", "host-console", "link-speed", "vfio-not-loaded");
        assertThat(p.render()).contains("Xorg (pid 1184)");
    }

    @Test
    void anAmdCardWithTheResetBugAndItsAudioInAnotherGroupIsFlagged() {
        Preflight p = preflight("amd-navi10-reset-bug", "0000:44:00.0");
        assertThat(p.errors()).extracting(Problem::code).contains("amd-reset-bug");
        assertThat(p.problems()).anySatisfy(x -> {
            assertThat(x.code()).isEqualTo("sibling-other-group");
            assertThat(x.field()).isEqualTo("0000:44:00.1");
        });
    }

    @Test
    void vendorResetsDeviceSpecificMethodClearsTheResetBug() {
        fake = edited("amd-navi10-reset-bug", "group=32 numa=1 reset=bus", "group=32 numa=1 reset=device_specific,bus");
        Preflight p = Gpus.on(fake.host(), Ops.inMemory()).sysfs(fake.sysfs()).procfs(fake.procfs()).preflight("0000:44:00.0");
        assertThat(p.has("amd-reset-bug")).isFalse();
    }

    @Test
    void aLaptopGpuWithoutRomAndSiblingsLeftOutIsWarned() {
        Preflight p = preflight("laptop-igpu-dgpu", "0000:01:00.0", PreflightRequest.Builder::gpuFunctionOnly);
        assertThat(p.problems()).extracting(Problem::code).contains("rom-absent", "siblings-left-out");
    }

    @Test
    void anIommuThatIsOffIsAnErrorWithTheReason() {
        fake = FakeSysfs.fromText(String.join("\n", FakeSysfs.layout("shared-group-pch-slot").layoutLines())
                .replace("intel_iommu=on", "intel_iommu=off").replace("kernel 6.5.13-6-pve", "kernel 6.5.13-6-pve")
                .replaceAll("iommu dmar[0-9] ecap=0x[0-9a-f]+\n", "").replaceAll(" group=[0-9]+", ""));
        Preflight p = Gpus.on(fake.host(), Ops.inMemory()).sysfs(fake.sysfs()).procfs(fake.procfs()).preflight("0000:03:00.0");
        assertThat(p.errors()).anySatisfy(e -> {
            assertThat(e.code()).isEqualTo("iommu-off");
            assertThat(e.message()).contains("intel_iommu=off");
        });
    }

    @Test
    void noInterruptRemappingIsWarned() {
        fake = FakeSysfs.fromText(String.join("\n", FakeSysfs.layout("workstation-gtx1060").layoutLines())
                .replace("ecap=0xf010da", "ecap=0xf010d2").replace("ecap=0xf0105a", "ecap=0xf01052"));
        Preflight p = Gpus.on(fake.host(), Ops.inMemory()).sysfs(fake.sysfs()).procfs(fake.procfs()).preflight("0000:01:00.0");
        assertThat(p.has("no-interrupt-remapping")).isTrue();
    }

    @Test
    void aRomFileIsCheckedForExistenceAndAUefiImage(@org.junit.jupiter.api.io.TempDir Path kvm) throws Exception {
        fake = FakeSysfs.layout("dual-identical-rtx5090");
        Gpus gpus = Gpus.on(fake.host(), Ops.inMemory()).sysfs(fake.sysfs()).procfs(fake.procfs());
        assertThat(gpus.preflight("0000:02:00.0", r -> r.romDirectory(kvm.toString()).romfile("missing.rom")).errors())
                .singleElement().satisfies(e -> {
                    assertThat(e.code()).isEqualTo("rom-missing");
                    assertThat(e.field()).isEqualTo("romfile");
                });
        Files.write(kvm.resolve("legacy.rom"), RomImageTest.rom(0));
        assertThat(gpus.preflight("0000:02:00.0", r -> r.romDirectory(kvm.toString()).romfile("legacy.rom").ovmf()).errors())
                .extracting(Problem::code).containsExactly("rom-no-uefi");
        Files.write(kvm.resolve("both.rom"), RomImageTest.rom(0, 3));
        assertThat(gpus.preflight("0000:02:00.0", r -> r.romDirectory(kvm.toString()).romfile("both.rom").ovmf()).passes()).isTrue();
        Files.write(kvm.resolve("empty.rom"), new byte[0]);
        assertThat(gpus.preflight("0000:02:00.0", r -> r.romDirectory(kvm.toString()).romfile("empty.rom")).errors())
                .extracting(Problem::code).containsExactly("rom-invalid");
    }

    @Test
    void aPreflightOfANonGpuIsRefusedNamingTheField() {
        assertThatThrownBy(() -> preflight("dual-identical-rtx5090", "0000:03:00.0")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violationsOf("address")).singleElement().satisfies(v -> assertThat(v.message()).contains("storage controller")));
    }
}
