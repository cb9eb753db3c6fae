package dev.ops.gpu.pci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.gpu.device.Gpus;
import dev.ops.gpu.device.Preflight;
import dev.ops.gpu.pci.IommuStatus.Remapping;
import dev.ops.testkit.sysfs.FakeSysfs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Interrupt remapping is read, not assumed: /proc/interrupts names remapped chips IR-..., Intel's units
 * say it in their capability register, and where nothing tells (AMD-Vi without /proc/interrupts) the
 * answer is unknown.
 */
class InterruptRemappingTest {
    /** Lines of /proc/interrupts as an AMD host with AMD-Vi remapping shows them (the IOMMU's own interrupt is plain PCI-MSI). */
    static final String AMD_REMAPPED = String.join("\n",
            "interrupts   0:         44          0   IR-IO-APIC    2-edge      timer",
            "interrupts  25:          0          0   PCI-MSI 4096-edge      AMD-Vi",
            "interrupts  27:          0          0   IR-PCI-MSI 18432-edge      PCIe PME, aerdrv",
            "interrupts  61:     182311          0   IR-PCI-MSIX-0000:01:00.0    0-edge      nvidia");
    /** The same host without remapping (amd_iommu=... or a firmware that lacks it): plain chips. */
    static final String AMD_NOT_REMAPPED = String.join("\n",
            "interrupts   0:         44          0   IO-APIC    2-edge      timer",
            "interrupts  25:          0          0   PCI-MSI 4096-edge      AMD-Vi",
            "interrupts  27:          0          0   PCI-MSI 18432-edge      PCIe PME, aerdrv");

    private static FakeSysfs with(String layout, String lines) {
        try (FakeSysfs base = FakeSysfs.layout(layout)) {
            return FakeSysfs.fromText(String.join("\n", base.layoutLines()) + "\n" + lines);
        }
    }

    private static IommuStatus iommu(FakeSysfs fake) {
        return Pci.on(fake.host()).sysfs(fake.sysfs()).procfs(fake.procfs()).topology().iommu();
    }

    private static Preflight preflight(FakeSysfs fake, String gpu) {
        return Gpus.on(fake.host(), Ops.inMemory()).sysfs(fake.sysfs()).procfs(fake.procfs()).preflight(gpu);
    }

    @Test
    void anAmdHostWhoseInterruptsAreRemappedSaysSoInProcInterrupts() {
        try (FakeSysfs fake = with("dual-identical-rtx5090", AMD_REMAPPED)) {
            assertThat(iommu(fake).remapping()).isEqualTo(Remapping.ON);
            assertThat(preflight(fake, "0000:02:00.0").problems()).extracting(p -> p.code())
                    .doesNotContain("no-interrupt-remapping", "interrupt-remapping-unknown");
        }
    }

    @Test
    void anAmdHostWithPlainChipsDoesNotRemap() {
        try (FakeSysfs fake = with("dual-identical-rtx5090", AMD_NOT_REMAPPED)) {
            assertThat(iommu(fake).remapping()).isEqualTo(Remapping.OFF);
            assertThat(preflight(fake, "0000:02:00.0").has("no-interrupt-remapping")).isTrue();
        }
    }

    @Test
    void anAmdHostThatShowsNothingIsUnknownNotAssumed() {
        try (FakeSysfs fake = FakeSysfs.layout("dual-identical-rtx5090")) {
            assertThat(iommu(fake).remapping()).isEqualTo(Remapping.UNKNOWN);
            assertThat(iommu(fake).interruptRemapping()).isFalse();
            assertThat(preflight(fake, "0000:02:00.0").problems()).filteredOn(p -> p.code().equals("interrupt-remapping-unknown"))
                    .singleElement().satisfies(p -> assertThat(p.message()).contains("AMD-Vi", "Interrupt remapping enabled"));
        }
    }

    @Test
    void procInterruptsOverridesAnIntelCapabilityTheKernelDoesNotUse() {
        try (FakeSysfs fake = with("workstation-gtx1060", AMD_NOT_REMAPPED)) {
            assertThat(iommu(fake).remapping()).isEqualTo(Remapping.OFF);
        }
        try (FakeSysfs fake = FakeSysfs.layout("workstation-gtx1060")) {
            assertThat(iommu(fake).remapping()).as("the capability register alone").isEqualTo(Remapping.ON);
        }
    }

    @Test
    void intremapOffOnTheCommandLineWins() {
        try (FakeSysfs base = FakeSysfs.layout("dual-identical-rtx5090");
                FakeSysfs fake = FakeSysfs.fromText(String.join("\n", base.layoutLines()).replace("iommu=pt", "iommu=pt intremap=off")
                        + "\n" + AMD_REMAPPED)) {
            assertThat(iommu(fake).remapping()).isEqualTo(Remapping.OFF);
        }
    }

    @Test
    void thisMachinesProcInterruptsIsReadForReal() throws Exception {
        Path interrupts = Path.of("/proc/interrupts");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(interrupts));
        String text = Files.readString(interrupts);
        Remapping r = Pci.on(dev.ops.core.host.LocalHost.create()).topology().iommu().remapping();
        if (text.matches("(?s).* v?IR-.*")) {
            assertThat(r).isEqualTo(Remapping.ON);
        } else if (text.contains("PCI-MSI") || text.contains("IO-APIC")) {
            assertThat(r).isIn(Remapping.OFF);
        }
    }
}
