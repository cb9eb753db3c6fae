package dev.ops.pve.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.pve.internal.JsonFields;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code GET /nodes/{node}/status}.
 *
 * @param node the node
 * @param raw every field Proxmox sent
 */
public record NodeStatus(String node, JsonNode raw) {

    /** Reads it from Proxmox's JSON; fields this class does not know stay readable through the raw JSON. */
    public static NodeStatus from(String node, JsonNode n) {
        return new NodeStatus(node, n);
    }

    /** Seconds since boot. */
    public OptionalLong uptime() {
        return JsonFields.longValue(raw, "uptime");
    }

    /** The Proxmox VE version string, e.g. {@code pve-manager/9.1.1/...}. */
    public Optional<String> pveVersion() {
        return JsonFields.text(raw, "pveversion");
    }

    /** The {@code memoryTotal} Proxmox reported, if any. */
    public OptionalLong memoryTotal() {
        return JsonFields.longValue(raw.path("memory"), "total");
    }

    /** The {@code memoryUsed} Proxmox reported, if any. */
    public OptionalLong memoryUsed() {
        return JsonFields.longValue(raw.path("memory"), "used");
    }

    /** Any top-level field by name. */
    public Optional<String> field(String key) {
        return JsonFields.text(raw, key);
    }
}
