package dev.ops.pve.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.pve.internal.JsonFields;
import java.util.Optional;

/**
 * One entry of {@code GET /cluster/status}: the cluster itself or one of its nodes.
 *
 * @param type {@code cluster} or {@code node}
 * @param name the cluster's or node's name
 * @param raw every field Proxmox sent
 */
public record ClusterStatusEntry(String type, String name, JsonNode raw) {

    /** Reads it from Proxmox's JSON; fields this class does not know stay readable through the raw JSON. */
    public static ClusterStatusEntry from(JsonNode n) {
        return new ClusterStatusEntry(JsonFields.text(n, "type").orElse(""), JsonFields.text(n, "name").orElse(""), n);
    }

    /** For nodes: whether the node is online. */
    public boolean online() {
        return JsonFields.bool(raw, "online");
    }

    /** For the cluster: whether it is quorate. */
    public boolean quorate() {
        return JsonFields.bool(raw, "quorate");
    }

    /** For nodes: whether this is the node the API call was answered by. */
    public boolean local() {
        return JsonFields.bool(raw, "local");
    }

    /** The {@code ip} Proxmox reported, if any. */
    public Optional<String> ip() {
        return JsonFields.text(raw, "ip");
    }

    /** Any field by name. */
    public Optional<String> field(String key) {
        return JsonFields.text(raw, key);
    }
}
