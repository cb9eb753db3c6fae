package dev.ops.gpu.boot;

/** How a host boots, which decides where its kernel command line lives. */
public enum Bootloader {
    /** GRUB: options go into a snippet under {@code /etc/default/grub.d}, then {@code update-grub}. */
    GRUB,
    /** systemd-boot (Proxmox on ZFS with UEFI): options are edited in {@code /etc/kernel/cmdline}, then {@code proxmox-boot-tool refresh}. */
    SYSTEMD_BOOT
}
