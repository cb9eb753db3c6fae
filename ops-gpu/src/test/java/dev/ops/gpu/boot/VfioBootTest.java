package dev.ops.gpu.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.ValidationException;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.core.host.LocalHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boot prerequisites are edited under a temporary root, byte for byte, and rolled back exactly; boot tools never run here. */
class VfioBootTest {
    @TempDir
    Path root;

    /** Commands that would rebuild this machine's boot files are recorded and answered, never run. */
    private final List<String> bootCommands = new ArrayList<>();
    private String bootToolStatus = "";
    private final Host host = new Host() {
        private final LocalHost local = LocalHost.named("boot-test");

        @Override
        public String name() {
            return "boot-test";
        }

        @Override
        public boolean isLocal() {
            return true;
        }

        @Override
        public CommandResult run(Command command) {
            String line = String.join(" ", command.argv());
            // chroot never runs here, nor any boot tool
            if (line.contains("update-initramfs -u") || line.contains("update-grub") || line.contains("proxmox-boot-tool")
                    || command.argv().get(0).equals("chroot")) {
                bootCommands.add(line);
                boolean status = line.contains("proxmox-boot-tool status");
                return CommandResult.of(name(), command, status && bootToolStatus.isEmpty() ? 127 : 0,
                        (status ? bootToolStatus : "").getBytes(), new byte[0], Duration.ZERO, false);
            }
            return local.run(command);
        }
    };

    private static final String GRUB = "GRUB_DEFAULT=0\nGRUB_TIMEOUT=5\nGRUB_CMDLINE_LINUX_DEFAULT=\"quiet\"\nGRUB_CMDLINE_LINUX=\"\"\n";

    @BeforeEach
    void layout() throws Exception {
        Files.createDirectories(root.resolve("etc/default/grub.d"));
        Files.createDirectories(root.resolve("etc/modules-load.d"));
        Files.createDirectories(root.resolve("etc/modprobe.d"));
        Files.createDirectories(root.resolve("etc/kernel"));
        Files.createDirectories(root.resolve("etc/udev/rules.d"));
        Files.createDirectories(root.resolve("proc/sys/kernel"));
        Files.writeString(root.resolve("etc/default/grub"), GRUB);
        Files.writeString(root.resolve("proc/sys/kernel/osrelease"), "6.5.13-6-pve\n");
        Files.writeString(root.resolve("proc/cpuinfo"), "processor\t: 0\nvendor_id\t: GenuineIntel\n");
        fullRoot(true);
    }

    /** Makes the root a full root (the boot tools run chrooted into it) or a plain directory (they do not run). */
    private void fullRoot(boolean full) throws Exception {
        for (String tool : List.of("usr/sbin/update-initramfs", "bin/sh")) {
            Path p = root.resolve(tool);
            if (full) {
                Files.createDirectories(p.getParent());
                Files.writeString(p, "#!/bin/sh\nexit 0\n");
                p.toFile().setExecutable(true);
            } else {
                Files.deleteIfExists(p);
            }
        }
    }

    private VfioBoot boot() {
        return VfioBoot.on(host, Ops.inMemory()).root(root.toString());
    }

    @Test
    void onGrubTheOptionsGoIntoASnippetAndThePlanSaysARebootIsNeeded() throws Exception {
        Plan plan = boot().softdep("nvidia", "vfio-pci").blacklist("nouveau").present().plan();
        assertThat(VfioBoot.requiresReboot(plan)).isTrue();
        assertThat(Files.exists(root.resolve("etc/default/grub.d/ops-vfio.cfg"))).isFalse();
        Applied<BootConfig> done = boot().softdep("nvidia", "vfio-pci").blacklist("nouveau").present().apply();
        assertThat(done.value().bootloader()).isEqualTo(Bootloader.GRUB);
        assertThat(done.value().kernelOptions()).containsExactly("intel_iommu=on", "iommu=pt");
        assertThat(done.value().requiresReboot()).isTrue();
        assertThat(Files.readString(root.resolve("etc/default/grub.d/ops-vfio.cfg")))
                .contains("GRUB_CMDLINE_LINUX_DEFAULT=\"$GRUB_CMDLINE_LINUX_DEFAULT intel_iommu=on iommu=pt\"");
        assertThat(Files.readAllLines(root.resolve("etc/modules-load.d/ops-vfio.conf"))).contains("vfio", "vfio_iommu_type1", "vfio_pci")
                .doesNotContain("vfio_virqfd");
        assertThat(Files.readAllLines(root.resolve("etc/modprobe.d/ops-vfio.conf"))).contains("softdep nvidia pre: vfio-pci", "blacklist nouveau");
        assertThat(Files.readString(root.resolve("etc/default/grub"))).isEqualTo(GRUB);
        assertThat(bootCommands).anyMatch(c -> c.equals("chroot " + root + " sh -c update-initramfs -u -k all && update-grub"));
        assertThat(plan.notes()).anyMatch(n -> n.contains("chrooted into " + root));
    }

    @Test
    void aPlainDirectoryAsRootGetsNoBootRefreshAndThePlanSaysSo() throws Exception {
        fullRoot(false);
        Plan plan = boot().present().plan();
        assertThat(plan.notes()).anyMatch(n -> n.startsWith("boot files not refreshed: " + root + " is a plain directory"));
        assertThat(plan.steps()).noneMatch(st -> st.description().contains("refresh"));
        Applied<BootConfig> done = boot().present().apply();
        assertThat(Files.exists(root.resolve("etc/default/grub.d/ops-vfio.cfg"))).isTrue();
        done.rollback();
        assertThat(Files.exists(root.resolve("etc/default/grub.d/ops-vfio.cfg"))).isFalse();
        assertThat(bootCommands).isEmpty();
    }

    @Test
    void rollbackRemovesWhatItCreatedAndRefreshesAgain() throws Exception {
        Applied<BootConfig> done = boot().present().apply();
        bootCommands.clear();
        done.rollback();
        assertThat(Files.exists(root.resolve("etc/default/grub.d/ops-vfio.cfg"))).isFalse();
        assertThat(Files.exists(root.resolve("etc/modules-load.d/ops-vfio.conf"))).isFalse();
        assertThat(bootCommands).anyMatch(c -> c.startsWith("chroot " + root + " ") && c.contains("update-grub"));
        assertThat(bootCommands).allMatch(c -> c.startsWith("chroot " + root + " "));
    }

    @Test
    void onSystemdBootTheCommandLineIsEditedInPlaceAndRestoredByteForByte() throws Exception {
        byte[] before = "root=ZFS=rpool/ROOT/pve-1 boot=zfs\r\n".getBytes();
        Files.write(root.resolve("etc/kernel/cmdline"), before);
        bootToolStatus = "System currently booted with uefi\n6AE5-0B12 is configured with: uefi (versions: 6.5.13-6-pve)\n";
        Applied<BootConfig> done = boot().present().apply();
        assertThat(done.value().bootloader()).isEqualTo(Bootloader.SYSTEMD_BOOT);
        assertThat(Files.readString(root.resolve("etc/kernel/cmdline"))).isEqualTo("root=ZFS=rpool/ROOT/pve-1 boot=zfs intel_iommu=on iommu=pt\n");
        assertThat(bootCommands).contains("chroot " + root + " proxmox-boot-tool status")
                .anyMatch(c -> c.startsWith("chroot " + root + " ") && c.contains("proxmox-boot-tool refresh"));
        done.rollback();
        assertThat(Files.readAllBytes(root.resolve("etc/kernel/cmdline"))).isEqualTo(before);
    }

    @Test
    void aSecondApplyPlansNothing() {
        boot().present().apply();
        Plan again = boot().present().plan();
        assertThat(again.steps()).isEmpty();
        assertThat(VfioBoot.requiresReboot(again)).isFalse();
    }

    @Test
    void aConflictingOptionAlreadyOnTheCommandLineIsRefusedAndNothingIsWritten() throws Exception {
        Files.writeString(root.resolve("etc/default/grub"), GRUB.replace("\"quiet\"", "\"quiet intel_iommu=off\""));
        assertThatThrownBy(() -> boot().present().apply()).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violationsOf("kernelOptions")).singleElement()
                        .satisfies(v -> assertThat(v.message()).contains("intel_iommu=off").contains("intel_iommu=on")));
        assertThat(Files.exists(root.resolve("etc/default/grub.d/ops-vfio.cfg"))).isFalse();
        assertThat(Files.exists(root.resolve("etc/modules-load.d/ops-vfio.conf"))).isFalse();
        assertThat(bootCommands).noneMatch(c -> c.contains("update-initramfs"));
    }

    @Test
    void kernelsBefore62AlsoLoadVfioVirqfdAndKernel68NeedsNoIntelOption() throws Exception {
        Files.writeString(root.resolve("proc/sys/kernel/osrelease"), "5.15.158-2-pve\n");
        assertThat(boot().present().apply().value().modules()).contains("vfio_virqfd");
        Files.writeString(root.resolve("proc/sys/kernel/osrelease"), "6.8.12-4-pve\n");
        assertThat(VfioBoot.on(host, Ops.inMemory()).root(root.toString()).bootloader(Bootloader.GRUB).present().plan().steps())
                .anyMatch(s -> s.description().contains("rewrite") && s.description().contains("ops-vfio.cfg"));
    }

    @Test
    void badOptionsAndModulesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> boot().kernelOptions("intel_iommu=on", "bad option\"").blacklist("vfio-pci").softdep("nvidia", "x y").present().plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(v -> v.field())
                        .contains("kernelOptions", "blacklist", "softdep"));
    }

    @Test
    void absentRemovesOnlyWhatOpsAdded() throws Exception {
        Files.writeString(root.resolve("etc/kernel/cmdline"), "root=/dev/sda1 quiet\n");
        boot().bootloader(Bootloader.SYSTEMD_BOOT).present().apply();
        boot().bootloader(Bootloader.SYSTEMD_BOOT).absent().apply();
        assertThat(Files.readString(root.resolve("etc/kernel/cmdline"))).isEqualTo("root=/dev/sda1 quiet\n");
        assertThat(Files.exists(root.resolve("etc/modules-load.d/ops-vfio.conf"))).isFalse();
    }

    @Test
    void afterARebootVerifyNamesWhatIsNotInPlace() {
        try (var ready = dev.ops.testkit.sysfs.FakeSysfs.layout("dual-identical-rtx5090");
                var notReady = dev.ops.testkit.sysfs.FakeSysfs.layout("workstation-gtx1060")) {
            assertThat(VfioBoot.on(ready.host(), Ops.inMemory()).root(ready.root().toString()).verify()).isEmpty();
            assertThat(VfioBoot.on(notReady.host(), Ops.inMemory()).root(notReady.root().toString()).verify())
                    .containsExactlyInAnyOrder("the running kernel's command line lacks iommu=pt", "vfio-pci is not loaded");
        }
    }

    @Test
    void functionsAreBoundToVfioAtBootByAddressThroughAUdevRule() throws Exception {
        Applied<BootConfig> done = boot().bindAtBoot("0000:02:00.0", "02:00.1").present().apply();
        assertThat(Files.readAllLines(root.resolve("etc/udev/rules.d/60-ops-vfio.rules"))).contains(
                "ACTION==\"add\", SUBSYSTEM==\"pci\", KERNEL==\"0000:02:00.0\", ATTR{driver_override}=\"vfio-pci\"",
                "ACTION==\"add\", SUBSYSTEM==\"pci\", KERNEL==\"0000:02:00.1\", ATTR{driver_override}=\"vfio-pci\"");
        done.rollback();
        assertThat(Files.exists(root.resolve("etc/udev/rules.d/60-ops-vfio.rules"))).isFalse();
        assertThatThrownBy(() -> boot().bindAtBoot("02:00").present().plan()).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violationsOf("bindAtBoot")).isNotEmpty());
    }
}
