package dev.ops.gpu.pci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.host.LocalHost;
import dev.ops.testkit.sysfs.FakeSysfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Discovery reads every attribute a passthrough decision needs, from a fake tree and from this machine's real sysfs. */
class PciDiscoveryTest {

    private static PciTopology read(FakeSysfs fake) {
        return Pci.on(fake.host()).sysfs(fake.sysfs()).procfs(fake.procfs()).pciIds(List.of()).topology();
    }

    @Test
    void aWorkstationGpuIsReadWithEveryAttribute() {
        try (FakeSysfs fake = FakeSysfs.layout("workstation-gtx1060")) {
            PciTopology t = read(fake);
            PciDevice gpu = t.device(PciAddress.parse("0000:01:00.0")).orElseThrow();
            assertThat(gpu.pciClass().isGpu()).isTrue();
            assertThat(gpu.ids()).isEqualTo("10de:1c03");
            assertThat(gpu.subsystemVendor()).isEqualTo(0x19da);
            assertThat(gpu.driver()).isEqualTo("nvidia");
            assertThat(gpu.driverOverride()).isEmpty();
            assertThat(gpu.iommuGroup()).isEqualTo(1);
            assertThat(gpu.numaNode()).isEqualTo(-1);
            assertThat(gpu.resetMethods()).containsExactly("bus");
            assertThat(gpu.bootVga()).isTrue();
            assertThat(gpu.hasRom()).isTrue();
            assertThat(gpu.link()).isEqualTo(new PciLink("2.5 GT/s PCIe", 16, "8.0 GT/s PCIe", 16));
            assertThat(gpu.drmNodes()).containsExactly("card0", "renderD128");
            assertThat(gpu.bars()).extracting(PciBar::index).containsExactly(0, 1, 3);
            assertThat(t.siblings(gpu.address())).extracting(PciDevice::ids).containsExactly("10de:10f1");
            assertThat(t.group(1).orElseThrow().members()).extracting(PciAddress::toString)
                    .containsExactly("0000:00:01.0", "0000:01:00.0", "0000:01:00.1");
        }
    }

    @Test
    void theIommuStateComesFromItsUnitsTheCommandLineAndTheKernel() {
        try (FakeSysfs fake = FakeSysfs.layout("workstation-gtx1060")) {
            IommuStatus s = read(fake).iommu();
            assertThat(s.active()).isTrue();
            assertThat(s.vendor()).isEqualTo("intel");
            assertThat(s.units()).containsExactly("dmar0", "dmar1");
            assertThat(s.interruptRemapping()).isTrue();
            assertThat(s.kernel()).isEqualTo("6.8.12-4-pve");
            assertThat(s.onByDefault()).isTrue();
            assertThat(s.option("root")).contains("/dev/mapper/pve-root");
        }
    }

    @Test
    void processesHoldingAGpuAreFoundThroughTheirOpenDeviceNodes() {
        try (FakeSysfs fake = FakeSysfs.layout("workstation-gtx1060")) {
            PciTopology t = read(fake);
            assertThat(t.usersOf(PciAddress.parse("0000:01:00.0"))).extracting(DeviceUser::command)
                    .containsExactlyInAnyOrder("Xorg", "Xorg", "gnome-shell");
            assertThat(t.usersOf(PciAddress.parse("0000:01:00.1"))).isEmpty();
        }
    }

    @Test
    void theBootFramebufferIsReadFromIomem() {
        try (FakeSysfs fake = FakeSysfs.layout("workstation-gtx1060")) {
            assertThat(read(fake).framebuffers()).containsExactly(new MemoryRange(0xe0000000L, 0xe02fffffL));
        }
    }

    @Test
    void everyShippedLayoutReadsWithoutLosingAFunction() {
        for (String name : FakeSysfs.layouts()) {
            try (FakeSysfs fake = FakeSysfs.layout(name)) {
                long declared = fake.layoutLines().stream().filter(l -> l.startsWith("dev ")).count();
                assertThat(read(fake).devices()).as(name).hasSize((int) declared);
            }
        }
    }

    @Test
    void thisMachinesRealSysfsIsReadWithoutAGpu() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/sys/bus/pci/devices")), "no PCI bus here");
        PciTopology t = Pci.on(LocalHost.create()).topology();
        assertThat(t.devices()).isNotEmpty();
        assertThat(t.devices()).allSatisfy(d -> assertThat(d.vendor()).isPositive());
        assertThat(t.iommu().kernel()).isEqualTo(System.getProperty("os.version"));
    }
}
