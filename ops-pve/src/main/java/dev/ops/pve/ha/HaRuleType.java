package dev.ops.pve.ha;

/** The kinds of HA rule Proxmox VE 9 knows. */
public enum HaRuleType {
    /** Keeps resources on named nodes, by priority ({@code node-affinity}). */
    NODE_AFFINITY("node-affinity"),
    /** Keeps resources together or apart ({@code resource-affinity}). */
    RESOURCE_AFFINITY("resource-affinity");

    private final String wire;

    HaRuleType(String wire) {
        this.wire = wire;
    }

    /** The name Proxmox uses. */
    public String wire() {
        return wire;
    }

    /** The type Proxmox calls {@code wire}. */
    public static HaRuleType ofWire(String wire) {
        for (HaRuleType t : values()) {
            if (t.wire.equals(wire)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown HA rule type '" + wire + "'");
    }
}
