package dev.ops.proxmox;

import java.util.OptionalLong;

/**
 * A successful Proxmox answer: its {@code data} and the whole envelope (lists may also carry {@code total}).
 *
 * @param data the {@code data} member, a JSON null when Proxmox sent none
 * @param envelope the whole answer object
 */
public record ProxmoxResponse(JsonValue data, JsonValue envelope) {

    /** The {@code total} some list calls add. */
    public OptionalLong total() {
        JsonValue t = envelope.path("total");
        return t.isNumber() || (t.isTextual() && t.asText().matches("\\d{1,18}")) ? OptionalLong.of(t.asLong()) : OptionalLong.empty();
    }
}
