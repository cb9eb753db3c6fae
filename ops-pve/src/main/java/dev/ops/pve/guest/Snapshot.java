package dev.ops.pve.guest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.pve.internal.JsonFields;
import java.time.Instant;
import java.util.Optional;

/**
 * One snapshot of a guest ({@code GET .../snapshot}).
 *
 * @param name the snapshot name ({@code current} is the pseudo-entry for "now")
 * @param description its description, empty if none
 * @param raw every field Proxmox sent
 */
public record Snapshot(String name, String description, JsonNode raw) {

    /** Reads it from Proxmox's JSON; fields this class does not know stay readable through the raw JSON. */
    public static Snapshot from(JsonNode n) {
        return new Snapshot(JsonFields.text(n, "name").orElse(""), JsonFields.text(n, "description").orElse(""), n);
    }

    /** Whether this is Proxmox's {@code current} pseudo-snapshot, the running state. */
    public boolean isCurrent() {
        return name.equals("current");
    }

    /** The snapshot this one was taken after. */
    public Optional<String> parent() {
        return JsonFields.text(raw, "parent");
    }

    /** When it was taken. */
    public Optional<Instant> time() {
        var t = JsonFields.longValue(raw, "snaptime");
        return t.isPresent() ? Optional.of(Instant.ofEpochSecond(t.getAsLong())) : Optional.empty();
    }

    /** Whether it includes the VM's RAM. */
    public boolean vmstate() {
        return JsonFields.bool(raw, "vmstate");
    }
}
