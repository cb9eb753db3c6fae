package dev.ops.pve.ha;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.pve.internal.JsonFields;
import java.util.Optional;

/**
 * One HA resource ({@code GET /cluster/ha/resources}).
 *
 * @param sid the service id, e.g. {@code vm:101} or {@code ct:200}
 * @param state the requested state: started, stopped, enabled, disabled, ignored
 * @param raw every field Proxmox sent
 */
public record HaResource(String sid, String state, JsonNode raw) {

    /** Reads it from Proxmox's JSON; fields this class does not know stay readable through the raw JSON. */
    public static HaResource from(JsonNode n) {
        return new HaResource(JsonFields.text(n, "sid").orElse(""), JsonFields.text(n, "state").orElse(""), n);
    }

    /** The {@code group} Proxmox reported, if any. */
    public Optional<String> group() {
        return JsonFields.text(raw, "group");
    }

    /** The {@code comment} Proxmox reported, if any. */
    public Optional<String> comment() {
        return JsonFields.text(raw, "comment");
    }

    /** Any field by name. */
    public Optional<String> field(String key) {
        return JsonFields.text(raw, key);
    }
}
