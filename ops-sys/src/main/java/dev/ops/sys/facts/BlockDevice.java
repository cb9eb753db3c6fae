package dev.ops.sys.facts;

/**
 * A block device from /sys/block.
 *
 * @param name the kernel name ({@code sda}, {@code nvme0n1})
 * @param majorMinor the device number
 * @param sizeBytes its size (the kernel counts 512-byte sectors whatever the hardware block size)
 * @param readOnly whether it is read-only
 * @param removable whether it is removable
 * @param rotational whether it spins (false for SSDs and virtual disks that say so)
 * @param model the model string, if the device gives one
 * @param vendor the vendor string, if the device gives one
 */
public record BlockDevice(String name, String majorMinor, long sizeBytes, boolean readOnly, boolean removable, boolean rotational,
        String model, String vendor) {

    /** Whether this is a loop, ram, zram or device-mapper device rather than a disk. */
    public boolean virtual() {
        return name.startsWith("loop") || name.startsWith("ram") || name.startsWith("zram") || name.startsWith("dm-");
    }
}
