package dev.ops.gpu.pci;

import dev.ops.core.text.AsciiNumbers;
import java.util.List;

/**
 * Whether the host's IOMMU is active, and what says so.
 *
 * @param active whether the kernel has an IOMMU in use (units under {@code /sys/class/iommu} and groups)
 * @param vendor {@code intel}, {@code amd}, or empty when no unit is registered
 * @param units the IOMMU units ({@code dmar0}, {@code ivhd0})
 * @param remapping whether interrupts are remapped, and what said so ({@link Remapping})
 * @param passthroughMode whether {@code iommu=pt} is on the command line
 * @param kernel the running kernel's release ({@code 6.8.12-4-pve})
 * @param cmdline the kernel command line
 */
public record IommuStatus(boolean active, String vendor, List<String> units, Remapping remapping, boolean passthroughMode,
        String kernel, String cmdline) {

    public IommuStatus {
        units = List.copyOf(units);
        java.util.Objects.requireNonNull(remapping, "remapping");
    }

    /**
     * Whether the kernel remaps interrupts (which vfio needs to give a guest a device safely), as read
     * from the host: {@code /proc/interrupts} shows it for both vendors (the PCI-MSI and IO-APIC chips
     * of a remapping kernel are named {@code IR-...}), Intel's units also in their capability register.
     */
    public enum Remapping {
        /** Interrupts are remapped (or Intel's units can remap them and nothing says they do not). */
        ON,
        /** They are not: no {@code IR-} chip, a unit without the capability, or {@code intremap=off}. */
        OFF,
        /** Nothing read says: no {@code /proc/interrupts} lines for PCI-MSI or IO-APIC, and no Intel capability register (AMD-Vi has none in sysfs). */
        UNKNOWN
    }

    /** Whether interrupt remapping is known to be on. */
    public boolean interruptRemapping() {
        return remapping == Remapping.ON;
    }

    /**
     * Whether the IOMMU is on by default for this kernel without a command-line option: AMD's
     * always is when the firmware enables it; Intel's from kernel 6.8 (and in Proxmox's kernels from 6.8).
     */
    public boolean onByDefault() {
        return vendor.equals("amd") || kernelAtLeast(6, 8);
    }

    /** Whether the running kernel is at least {@code major.minor}. */
    public boolean kernelAtLeast(int major, int minor) {
        String[] p = kernel.split("[.-]");
        try {
            int ma = AsciiNumbers.parseInt(p[0]);
            int mi = p.length > 1 ? AsciiNumbers.parseInt(p[1]) : 0;
            return ma > major || (ma == major && mi >= minor);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The command line's value for {@code key} ({@code intel_iommu} gives {@code on}); the last one wins, as in the kernel. */
    public java.util.Optional<String> option(String key) {
        String found = null;
        for (String w : cmdline.split("\\s+")) {
            if (w.equals(key)) {
                found = "";
            } else if (w.startsWith(key + "=")) {
                found = w.substring(key.length() + 1);
            }
        }
        return java.util.Optional.ofNullable(found);
    }
}
