package dev.ops.gpu.pci;

import java.util.List;

/**
 * A block device of the host that sits below a PCI storage controller in sysfs ({@code nvme0n1},
 * {@code sda}), with where it is mounted: directly, through a partition, or through LVM or dm-crypt
 * (a device-mapper device whose {@code slaves} lead to it). What the host would lose if the
 * controller went to a guest.
 *
 * @param name the whole disk's name under {@code /sys/class/block}
 * @param controller the PCI function it hangs below (the nearest one on its sysfs path)
 * @param mountPoints where its file systems are mounted ({@code /}, {@code /boot/efi}), in mount order; empty when none is
 * @param mappedDevices the device-mapper devices built on it (LVM volumes such as {@code pve-root} and the
 *     {@code pve-data} thin pool, dm-crypt), by their {@code dm/name}; in use even where nothing is mounted
 */
public record HostDisk(String name, PciAddress controller, List<String> mountPoints, List<String> mappedDevices) {

    public HostDisk {
        mountPoints = List.copyOf(mountPoints);
        mappedDevices = List.copyOf(mappedDevices);
    }

    /** Whether a file system on it is mounted. */
    public boolean mounted() {
        return !mountPoints.isEmpty();
    }

    /** Whether it is in use as far as sysfs and mountinfo show: mounted, or under device-mapper. */
    public boolean inUse() {
        return mounted() || !mappedDevices.isEmpty();
    }

    /** {@code nvme0n1, mounted at / and /boot/efi, under device-mapper pve-root, pve-data}, or {@code sdb, not mounted}. */
    public String describe() {
        String under = mappedDevices.isEmpty() ? "" : ", under device-mapper " + String.join(", ", mappedDevices);
        if (mountPoints.isEmpty()) {
            return name + (under.isEmpty() ? ", not mounted" : ", not mounted" + under);
        }
        String at = mountPoints.size() == 1 ? mountPoints.get(0)
                : String.join(", ", mountPoints.subList(0, mountPoints.size() - 1)) + " and " + mountPoints.get(mountPoints.size() - 1);
        return name + ", mounted at " + at + under;
    }
}
