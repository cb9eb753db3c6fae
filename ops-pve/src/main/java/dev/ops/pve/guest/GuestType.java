package dev.ops.pve.guest;

import java.util.Optional;

/** The two kinds of Proxmox guests, named by their API path segment. */
public enum GuestType {
    /** A QEMU/KVM virtual machine ({@code /nodes/{node}/qemu}). */
    QEMU("qemu", "vm"),
    /** An LXC container ({@code /nodes/{node}/lxc}). */
    LXC("lxc", "ct");

    private final String segment;
    private final String haType;

    GuestType(String segment, String haType) {
        this.segment = segment;
        this.haType = haType;
    }

    /** The API path segment, {@code qemu} or {@code lxc}. */
    public String segment() {
        return segment;
    }

    /** The HA resource type, {@code vm} or {@code ct}. */
    public String haType() {
        return haType;
    }

    /** The key holding the guest's name: {@code name} for VMs, {@code hostname} for containers. */
    public String nameKey() {
        return this == QEMU ? "name" : "hostname";
    }

    /** The type for a resource type string ({@code qemu}, {@code lxc}). */
    public static Optional<GuestType> fromWire(String type) {
        for (GuestType t : values()) {
            if (t.segment.equals(type)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
