package dev.ops.gpu.pci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.testkit.sysfs.FakeSysfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names come from pci.ids's vendor and device lines; subsystem lines and the class list are not taken for devices. */
class PciIdsTest {
    /** A few lines in pci.ids's layout: vendor at column 0, device after a tab, subsystem after two tabs, classes last. */
    static final String SAMPLE = """
            # comment
            10de  NVIDIA Corporation
            \t1c03  GP106 [GeForce GTX 1060 6GB]
            \t\t19da 2438  GeForce GTX 1060 Mini
            \t2204  GA102 [GeForce RTX 3090]
            8086  Intel Corporation
            \t0c01  Xeon E3-1200 v3/4th Gen Core Processor PCI Express x16 Controller
            C 03  Display controller
            \t00  VGA compatible controller
            """;

    @Test
    void vendorAndDeviceNamesAreFound() {
        PciIds ids = PciIds.parse(SAMPLE);
        assertThat(ids.vendor(0x10de)).contains("NVIDIA Corporation");
        assertThat(ids.device(0x10de, 0x2204)).contains("GA102 [GeForce RTX 3090]");
        assertThat(ids.device(0x8086, 0x0c01)).hasValueSatisfying(n -> assertThat(n).startsWith("Xeon E3-1200"));
    }

    @Test
    void subsystemLinesAndTheClassListAreNotDevices() {
        PciIds ids = PciIds.parse(SAMPLE);
        assertThat(ids.device(0x10de, 0x19da)).isEmpty();
        assertThat(ids.vendor(0x0003)).isEmpty();
        assertThat(ids.device(0x1002, 0x731f)).isEmpty();
    }

    @Test
    void discoveryNamesDevicesFromTheFirstPciIdsFileThatExists(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pci.ids");
        Files.writeString(file, SAMPLE);
        try (FakeSysfs fake = FakeSysfs.layout("workstation-gtx1060")) {
            PciDevice gpu = Pci.on(fake.host()).sysfs(fake.sysfs()).procfs(fake.procfs())
                    .pciIds(List.of(dir.resolve("missing.ids").toString(), file.toString())).get(PciAddress.parse("0000:01:00.0")).orElseThrow();
            assertThat(gpu.vendorName()).isEqualTo("NVIDIA Corporation");
            assertThat(gpu.deviceName()).isEqualTo("GP106 [GeForce GTX 1060 6GB]");
            assertThat(gpu.label()).contains("GPU [10de:1c03] NVIDIA Corporation GP106");
        }
    }
}
