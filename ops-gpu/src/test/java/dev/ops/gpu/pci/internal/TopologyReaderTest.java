package dev.ops.gpu.pci.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.host.LocalHost;
import dev.ops.gpu.pci.PciTopology;
import dev.ops.testkit.sysfs.FakeSysfs;
import org.junit.jupiter.api.Test;

/** The script a remote host runs and the file calls used on this machine read the same topology. */
class TopologyReaderTest {
    private static final java.util.function.BiFunction<Integer, Integer, String[]> NO_NAMES = (v, d) -> new String[] {"", ""};

    private static void same(PciTopology a, PciTopology b) {
        assertThat(a.devices()).isEqualTo(b.devices());
        assertThat(a.groups()).isEqualTo(b.groups());
        assertThat(a.iommu()).isEqualTo(b.iommu());
        assertThat(a.drivers()).isEqualTo(b.drivers());
        assertThat(a.users()).containsExactlyInAnyOrderElementsOf(b.users());
        assertThat(a.framebuffers()).isEqualTo(b.framebuffers());
        assertThat(a.disks()).isEqualTo(b.disks());
    }

    @Test
    void everyLayoutReadsTheSameBothWays() {
        for (String name : FakeSysfs.layouts()) {
            try (FakeSysfs fake = FakeSysfs.layout(name)) {
                PciTopology script = TopologyReader.parse(TopologyReader.script(LocalHost.create(), fake.sysfs(), fake.procfs(), false), NO_NAMES);
                PciTopology local = TopologyReader.parse(TopologyReader.local(fake.sysfs(), fake.procfs()), NO_NAMES);
                same(script, local);
            }
        }
    }

    @Test
    void disksAreTracedFromMountsThroughDeviceMapperAndPartitionsToTheirController() {
        try (FakeSysfs fake = dev.ops.gpu.GpuFixtures.nvmeInGpuGroup()) {
            PciTopology script = TopologyReader.parse(TopologyReader.script(LocalHost.create(), fake.sysfs(), fake.procfs(), false), NO_NAMES);
            PciTopology local = TopologyReader.parse(TopologyReader.local(fake.sysfs(), fake.procfs()), NO_NAMES);
            same(script, local);
            assertThat(local.disks()).containsExactly(new dev.ops.gpu.pci.HostDisk("nvme0n1", dev.ops.gpu.pci.PciAddress.parse("0000:03:00.0"),
                    java.util.List.of("/", "/boot/efi", "/mnt/data x"), java.util.List.of("pve-swap", "pve-root")));
            assertThat(script.iommu().remapping()).isEqualTo(dev.ops.gpu.pci.IommuStatus.Remapping.ON);
        }
    }

    @Test
    void anNvmeMultipathHeadIsTracedThroughItsHiddenPathToTheController() {
        try (FakeSysfs base = dev.ops.gpu.GpuFixtures.nvmeInGpuGroup();
                FakeSysfs fake = FakeSysfs.fromText(String.join("\n", base.layoutLines()).replace("block nvme0n1 0000:03:00.0 259:0",
                        "block nvme0n1 0000:03:00.0 259:0 multipath"))) {
            PciTopology script = TopologyReader.parse(TopologyReader.script(LocalHost.create(), fake.sysfs(), fake.procfs(), false), NO_NAMES);
            PciTopology local = TopologyReader.parse(TopologyReader.local(fake.sysfs(), fake.procfs()), NO_NAMES);
            same(script, local);
            assertThat(local.disks()).containsExactly(new dev.ops.gpu.pci.HostDisk("nvme0n1", dev.ops.gpu.pci.PciAddress.parse("0000:03:00.0"),
                    java.util.List.of("/", "/boot/efi", "/mnt/data x"), java.util.List.of("pve-swap", "pve-root")));
        }
    }

    @Test
    void thisMachinesSysfsReadsTheSameBothWays() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(java.nio.file.Path.of("/sys/bus/pci/devices")));
        PciTopology script = TopologyReader.parse(TopologyReader.script(LocalHost.create(), "/sys", "/proc", false), NO_NAMES);
        PciTopology local = TopologyReader.parse(TopologyReader.local("/sys", "/proc"), NO_NAMES);
        assertThat(local.devices()).isEqualTo(script.devices());
        assertThat(local.iommu()).isEqualTo(script.iommu());
        assertThat(local.disks()).isEqualTo(script.disks());
        assertThat(local.disks()).allSatisfy(d -> assertThat(local.device(d.controller())).isPresent());
    }
}
