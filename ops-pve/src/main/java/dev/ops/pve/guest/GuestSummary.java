package dev.ops.pve.guest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.pve.internal.JsonFields;
import java.util.Optional;

/**
 * One guest of a node's list ({@code GET /nodes/{node}/qemu} or {@code .../lxc}).
 *
 * @param type QEMU or LXC
 * @param vmid the guest
 * @param name its name ({@code name} field in both lists), empty if unset
 * @param status {@code running} or {@code stopped}
 * @param raw every field Proxmox sent
 */
public record GuestSummary(GuestType type, int vmid, String name, String status, JsonNode raw) {

    /** Reads it from Proxmox's JSON; fields this class does not know stay readable through the raw JSON. */
    public static GuestSummary from(GuestType type, JsonNode n) {
        return new GuestSummary(type, JsonFields.integer(n, "vmid").orElse(0), JsonFields.text(n, "name").orElse(""),
                JsonFields.text(n, "status").orElse("unknown"), n);
    }

    /** Whether it is a template. */
    public boolean template() {
        return JsonFields.bool(raw, "template");
    }

    /** Any field by name. */
    public Optional<String> field(String key) {
        return JsonFields.text(raw, key);
    }
}
