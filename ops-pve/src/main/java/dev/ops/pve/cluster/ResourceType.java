package dev.ops.pve.cluster;

import java.util.Locale;

/** The {@code type} filter of {@code GET /cluster/resources}. */
public enum ResourceType {
    /** QEMU VMs and LXC containers. */
    VM,
    STORAGE,
    NODE,
    SDN;

    /** The value Proxmox expects. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
