package dev.ops.pve.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.pve.internal.JsonFields;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One storage of {@code GET /nodes/{node}/storage}.
 *
 * @param storage the storage id
 * @param type {@code dir}, {@code lvmthin}, {@code zfspool}, {@code nfs}, {@code pbs}...
 * @param raw every field Proxmox sent
 */
public record StorageSummary(String storage, String type, JsonNode raw) {

    /** Reads it from Proxmox's JSON; fields this class does not know stay readable through the raw JSON. */
    public static StorageSummary from(JsonNode n) {
        return new StorageSummary(JsonFields.text(n, "storage").orElse(""), JsonFields.text(n, "type").orElse(""), n);
    }

    /** The content types it holds ({@code images}, {@code iso}, {@code vztmpl}, {@code backup}...). */
    public List<String> content() {
        return JsonFields.text(raw, "content").map(c -> Arrays.stream(c.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    /** Whether it is active, as Proxmox reports it. */
    public boolean active() {
        return JsonFields.bool(raw, "active");
    }

    /** Whether it is enabled, as Proxmox reports it. */
    public boolean enabled() {
        return !raw.has("enabled") || JsonFields.bool(raw, "enabled");
    }

    /** The {@code available} Proxmox reported, if any. */
    public OptionalLong available() {
        return JsonFields.longValue(raw, "avail");
    }

    /** The {@code total} Proxmox reported, if any. */
    public OptionalLong total() {
        return JsonFields.longValue(raw, "total");
    }

    /** Any field by name. */
    public Optional<String> field(String key) {
        return JsonFields.text(raw, key);
    }
}
