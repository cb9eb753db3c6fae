package dev.ops.gpu.site;

import dev.ops.gpu.pci.PciAddress;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One GPU of a site configuration, named by the role it plays.
 *
 * @param role the role's name ({@code compute-a}, {@code desktop})
 * @param address the GPU's address on the host
 * @param ids the vendor:device ids expected there, empty to not check
 * @param hostDriver the driver it is attached back to, empty for the kernel's choice
 * @param mapping the PCI mapping id that names it in the cluster, empty for none
 * @param vmid the VM it is given to, -1 for none
 * @param romfile the ROM file the VM gets, empty for the card's own
 */
public record GpuRole(String role, PciAddress address, String ids, String hostDriver, String mapping, int vmid, String romfile) {

    /** The VM it is given to, if any. */
    public OptionalInt vm() {
        return vmid < 0 ? OptionalInt.empty() : OptionalInt.of(vmid);
    }

    /** The PCI mapping id, if any. */
    public Optional<String> mappingId() {
        return mapping.isEmpty() ? Optional.empty() : Optional.of(mapping);
    }
}
