package dev.ops.gpu.pci;

import java.util.List;

/**
 * An IOMMU group: the smallest set of functions that the IOMMU can isolate from the rest. A guest
 * gets all of a group's non-bridge functions or none, since Proxmox binds every one of them to
 * vfio-pci when the guest starts.
 *
 * @param number the group's number under {@code /sys/kernel/iommu_groups}
 * @param members the functions in the group, by address
 */
public record IommuGroup(int number, List<PciAddress> members) {

    public IommuGroup {
        members = List.copyOf(members);
    }
}
