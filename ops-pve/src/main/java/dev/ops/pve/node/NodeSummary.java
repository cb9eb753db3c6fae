package dev.ops.pve.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.pve.internal.JsonFields;
import java.util.Optional;

/**
 * One node of {@code GET /nodes}.
 *
 * @param node the node name
 * @param status {@code online}, {@code offline} or {@code unknown}
 * @param raw every field Proxmox sent
 */
public record NodeSummary(String node, String status, JsonNode raw) {

    /** Reads it from Proxmox's JSON; fields this class does not know stay readable through the raw JSON. */
    public static NodeSummary from(JsonNode n) {
        return new NodeSummary(JsonFields.text(n, "node").orElse(""), JsonFields.text(n, "status").orElse("unknown"), n);
    }

    /** Whether it is online, as Proxmox reports it. */
    public boolean online() {
        return status.equals("online");
    }

    /** Any field by name. */
    public Optional<String> field(String key) {
        return JsonFields.text(raw, key);
    }
}
