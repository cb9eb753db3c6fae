package dev.ops.gpu;

import dev.ops.testkit.sysfs.FakeSysfs;

/** Fake trees the tests share, built from the shipped layouts with a few lines changed or added (each says what). */
public final class GpuFixtures {
    private GpuFixtures() {}

    /**
     * A fixture on the dual-RTX 5090 layout: its NVMe controller moved into the second GPU's IOMMU group
     * (as a chipset M.2 slot behind the same bridge would be), with a Proxmox install on it: LVM root,
     * an EFI partition, and a btrfs partition whose mount point has a space; interrupts remapped.
     */
    public static final String NVME_IN_GPU_GROUP = String.join("\n",
            "block nvme0n1 0000:03:00.0 259:0",
            "block nvme0n1p1 part-of=nvme0n1 259:1",
            "block nvme0n1p2 part-of=nvme0n1 259:2",
            "block nvme0n1p3 part-of=nvme0n1 259:3",
            "block dm-0 - 253:0 slaves=nvme0n1p3 name=pve-swap",
            "block dm-1 - 253:1 slaves=nvme0n1p3 name=pve-root",
            "block loop0 - 7:0",
            "mount 253:1 / ext4 /dev/mapper/pve-root",
            "mount 259:2 /boot/efi vfat /dev/nvme0n1p2",
            "mount 0:31 /mnt/data\\040x btrfs /dev/nvme0n1p1",
            "mount 0:22 /sys sysfs sysfs",
            "mount 7:0 /snap/x squashfs /dev/loop0",
            "interrupts   0:         44          0   IR-IO-APIC    2-edge      timer",
            "interrupts  25:          0          0   PCI-MSI 4096-edge      AMD-Vi");

    public static FakeSysfs nvmeInGpuGroup() {
        try (FakeSysfs base = FakeSysfs.layout("dual-identical-rtx5090")) {
            return FakeSysfs.fromText(String.join("\n", base.layoutLines()).replace("driver=nvme group=11", "driver=nvme group=10")
                    + "\n" + NVME_IN_GPU_GROUP);
        }
    }

}
