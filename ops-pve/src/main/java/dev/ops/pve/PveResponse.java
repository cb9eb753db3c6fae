package dev.ops.pve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;

/**
 * A successful Proxmox answer: its {@code data} and the whole envelope (lists may also carry {@code total}).
 *
 * @param data the {@code data} member, a JSON null when Proxmox sent none
 * @param envelope the whole answer object
 */
public record PveResponse(JsonNode data, JsonNode envelope) {

    /** The {@code total} some list calls add. */
    public OptionalLong total() {
        JsonNode t = envelope.get("total");
        return t != null && t.canConvertToLong() ? OptionalLong.of(t.asLong()) : OptionalLong.empty();
    }
}
