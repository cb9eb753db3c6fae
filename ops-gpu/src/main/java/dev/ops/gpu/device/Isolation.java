package dev.ops.gpu.device;

import dev.ops.gpu.pci.PciDevice;
import java.util.List;

/**
 * Whether a slot's IOMMU group can go to a guest without taking anything else from the host.
 *
 * @param verdict the verdict
 * @param group the IOMMU group, -1 when the IOMMU is off
 * @param others the group's functions that are neither bridges nor in the slot: what the host would lose
 */
public record Isolation(Verdict verdict, int group, List<PciDevice> others) {

    public Isolation {
        others = List.copyOf(others);
    }

    /** How isolated a slot is. */
    public enum Verdict {
        /** The group holds the slot's functions and perhaps bridges only: Proxmox can take it whole. */
        ISOLATED,
        /** The group holds other endpoints, which Proxmox would bind to vfio-pci too when the guest starts. */
        SHARED,
        /** No IOMMU group: the IOMMU is off, so nothing can be passed through. */
        NO_IOMMU
    }
}
