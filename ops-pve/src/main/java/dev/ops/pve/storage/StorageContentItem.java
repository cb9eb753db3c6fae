package dev.ops.pve.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.pve.internal.JsonFields;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One volume of {@code GET /nodes/{node}/storage/{storage}/content}.
 *
 * @param volid the volume id, e.g. {@code local:iso/debian-12.iso}
 * @param content {@code iso}, {@code vztmpl}, {@code backup}, {@code images}, {@code rootdir}...
 * @param raw every field Proxmox sent
 */
public record StorageContentItem(String volid, String content, JsonNode raw) {

    /** Reads it from Proxmox's JSON; fields this class does not know stay readable through the raw JSON. */
    public static StorageContentItem from(JsonNode n) {
        return new StorageContentItem(JsonFields.text(n, "volid").orElse(""), JsonFields.text(n, "content").orElse(""), n);
    }

    /** The {@code size} Proxmox reported, if any. */
    public OptionalLong size() {
        return JsonFields.longValue(raw, "size");
    }

    /** The {@code format} Proxmox reported, if any. */
    public Optional<String> format() {
        return JsonFields.text(raw, "format");
    }

    /** The guest a disk or backup belongs to. */
    public OptionalInt vmid() {
        return JsonFields.integer(raw, "vmid");
    }

    /** Any field by name. */
    public Optional<String> field(String key) {
        return JsonFields.text(raw, key);
    }
}
