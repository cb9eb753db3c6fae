package dev.ops.pve.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.pve.internal.JsonFields;
import java.util.Optional;

/**
 * One interface of a node's network config ({@code GET /nodes/{node}/network}).
 *
 * @param iface the interface name, e.g. {@code vmbr0}
 * @param type {@code bridge}, {@code bond}, {@code eth}, {@code vlan}...
 * @param raw every field Proxmox sent
 */
public record NetworkInterface(String iface, String type, JsonNode raw) {

    /** Reads it from Proxmox's JSON; fields this class does not know stay readable through the raw JSON. */
    public static NetworkInterface from(JsonNode n) {
        return new NetworkInterface(JsonFields.text(n, "iface").orElse(""), JsonFields.text(n, "type").orElse(""), n);
    }

    /** IPv4 address in CIDR form, if set. */
    public Optional<String> cidr() {
        return JsonFields.text(raw, "cidr");
    }

    /** The {@code gateway} Proxmox reported, if any. */
    public Optional<String> gateway() {
        return JsonFields.text(raw, "gateway");
    }

    /** A bridge's ports. */
    public Optional<String> bridgePorts() {
        return JsonFields.text(raw, "bridge_ports");
    }

    /** Whether it is active, as Proxmox reports it. */
    public boolean active() {
        return JsonFields.bool(raw, "active");
    }

    /** Whether it starts at boot. */
    public boolean autostart() {
        return JsonFields.bool(raw, "autostart");
    }

    /** Any field by name. */
    public Optional<String> field(String key) {
        return JsonFields.text(raw, key);
    }
}
