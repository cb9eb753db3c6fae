package dev.ops.testkit.sysfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The fake tree is laid out as the kernel lays sysfs out, and reacts to driver writes as the kernel does. */
class FakeSysfsTest {

    private static CommandResult tee(Host host, String path, String value) {
        return host.run(Command.builder().addArgv("tee", path).stdin(value).build());
    }

    @Test
    void devicesAreLinksIntoDevicesWithDriverAndGroupLinks() throws Exception {
        try (FakeSysfs fake = FakeSysfs.layout("dual-identical-rtx5090")) {
            var dev = fake.root().resolve("sys/bus/pci/devices/0000:01:00.0");
            assertThat(Files.isSymbolicLink(dev)).isTrue();
            assertThat(Files.readSymbolicLink(dev.resolve("driver")).toString()).endsWith("/bus/pci/drivers/nvidia");
            assertThat(Files.readSymbolicLink(dev.resolve("iommu_group")).toString()).endsWith("/kernel/iommu_groups/9");
            assertThat(Files.readString(dev.resolve("class"))).isEqualTo("0x030000\n");
            assertThat(Files.readString(dev.resolve("driver_override"))).isEqualTo("(null)\n");
            assertThat(Files.exists(fake.root().resolve("sys/kernel/iommu_groups/9/devices/0000:01:00.1"))).isTrue();
            assertThat(Files.exists(fake.root().resolve("sys/bus/pci/drivers/nvidia/0000:01:00.0"))).isTrue();
        }
    }

    @Test
    void disksHangBelowTheirControllerAndMountsAreMountinfoLines() throws Exception {
        String extra = String.join("\n", "block nvme0n1 0000:03:00.0 259:0", "block nvme0n1p3 part-of=nvme0n1 259:3",
                "block dm-1 - 253:1 slaves=nvme0n1p3", "mount 253:1 / ext4 /dev/mapper/pve-root",
                "interrupts  25:  0  0  IR-PCI-MSI 327680-edge  xhci_hcd");
        try (FakeSysfs base = FakeSysfs.layout("dual-identical-rtx5090");
                FakeSysfs fake = FakeSysfs.fromText(String.join("\n", base.layoutLines()) + "\n" + extra)) {
            var block = fake.root().resolve("sys/class/block");
            assertThat(Files.readSymbolicLink(block.resolve("nvme0n1")).toString())
                    .isEqualTo("../../devices/pci0000:03/0000:03:00.0/nvme/nvme0/nvme0n1");
            assertThat(Files.readSymbolicLink(block.resolve("nvme0n1p3")).toString()).endsWith("/nvme0n1/nvme0n1p3");
            assertThat(Files.readString(block.resolve("nvme0n1p3/dev"))).isEqualTo("259:3\n");
            assertThat(Files.readString(block.resolve("nvme0n1p3/partition"))).isEqualTo("3\n");
            assertThat(Files.exists(block.resolve("dm-1/slaves/nvme0n1p3/dev"))).isTrue();
            assertThat(Files.exists(block.resolve("nvme0n1p3/holders/dm-1"))).isTrue();
            assertThat(Files.readString(fake.root().resolve("proc/self/mountinfo")))
                    .isEqualTo("20 1 253:1 / / rw,relatime shared:1 - ext4 /dev/mapper/pve-root rw\n");
            assertThat(Files.readString(fake.root().resolve("proc/interrupts"))).contains(" IR-PCI-MSI ");
        }
    }

    @Test
    void overrideUnbindAndProbeMoveTheDriverLink() {
        try (FakeSysfs fake = FakeSysfs.layout("dual-identical-rtx5090")) {
            Host h = fake.host();
            String dev = fake.sysfs() + "/bus/pci/devices/0000:02:00.0";
            assertThat(tee(h, dev + "/driver_override", "vfio-pci\n").exitCode()).isZero();
            assertThat(tee(h, fake.sysfs() + "/bus/pci/drivers/nvidia/unbind", "0000:02:00.0").exitCode()).isZero();
            assertThat(fake.driver("0000:02:00.0")).isEmpty();
            assertThat(tee(h, fake.sysfs() + "/bus/pci/drivers_probe", "0000:02:00.0").exitCode()).isZero();
            assertThat(fake.driver("0000:02:00.0")).contains("vfio-pci");
            assertThat(fake.driver("0000:01:00.0")).contains("nvidia");
            assertThat(fake.writes()).hasSize(3);
        }
    }

    @Test
    void unbindingADeviceAProcessHoldsIsBusy() {
        try (FakeSysfs fake = FakeSysfs.layout("dual-identical-rtx5090")) {
            fake.hold("0000:01:00.0", 4242, "blender");
            CommandResult r = tee(fake.host(), fake.sysfs() + "/bus/pci/drivers/nvidia/unbind", "0000:01:00.0");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.stderrText()).contains("Device or resource busy");
            fake.release(4242);
            assertThat(tee(fake.host(), fake.sysfs() + "/bus/pci/drivers/nvidia/unbind", "0000:01:00.0").exitCode()).isZero();
        }
    }

    @Test
    void probingForADriverThatIsNotLoadedLeavesTheDeviceUnbound() {
        try (FakeSysfs fake = FakeSysfs.layout("workstation-gtx1060")) {
            Host h = fake.host();
            fake.release(1184);
            fake.release(2210);
            tee(h, fake.sysfs() + "/bus/pci/devices/0000:01:00.0/driver_override", "vfio-pci");
            tee(h, fake.sysfs() + "/bus/pci/drivers/nvidia/unbind", "0000:01:00.0");
            tee(h, fake.sysfs() + "/bus/pci/drivers_probe", "0000:01:00.0");
            assertThat(fake.driver("0000:01:00.0")).isEmpty();
            h.run(Command.of("modprobe", "vfio-pci"));
            tee(h, fake.sysfs() + "/bus/pci/drivers_probe", "0000:01:00.0");
            assertThat(fake.driver("0000:01:00.0")).contains("vfio-pci");
        }
    }

    @Test
    void unbindingFromADriverTheDeviceIsNotOnIsNoSuchDevice() {
        try (FakeSysfs fake = FakeSysfs.layout("dual-identical-rtx5090")) {
            CommandResult r = tee(fake.host(), fake.sysfs() + "/bus/pci/drivers/vfio-pci/unbind", "0000:01:00.0");
            assertThat(r.stderrText()).contains("No such device");
            assertThat(fake.driver("0000:01:00.0")).contains("nvidia");
        }
    }

    @Test
    void everyShippedLayoutCitesItsSource() {
        for (String name : FakeSysfs.layouts()) {
            try (FakeSysfs fake = FakeSysfs.layout(name)) {
                assertThat(fake.layoutLines()).as(name).anyMatch(l -> l.startsWith("# source: ") && l.contains("https://"));
            }
        }
    }
}
