package dev.ops.pve.storage;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.ops.pve.PveObject;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One storage of {@code GET /nodes/{node}/storage}. Fields without an accessor here (such as
 * {@code formats}, sent only for the {@code format} parameter) stay readable through {@link #field}
 * and {@link #fields}.
 */
@JsonDeserialize(using = StorageSummary.Reader.class)
public final class StorageSummary extends PveObject {
    private String storage;
    private String type;
    private String content;
    private Boolean active;
    private Boolean enabled;
    private Boolean shared;
    private Long avail;
    private Long total;
    private Long used;
    private Double usedFraction;
    private Boolean selectExisting;

    private static final Fields<StorageSummary> FIELDS = Fields.of(StorageSummary.class, StorageSummary::new)
            .text("storage", (m, v) -> m.storage = v, m -> m.storage)
            .text("type", (m, v) -> m.type = v, m -> m.type)
            .text("content", (m, v) -> m.content = v, m -> m.content)
            .bool("active", (m, v) -> m.active = v, m -> m.active)
            .bool("enabled", (m, v) -> m.enabled = v, m -> m.enabled)
            .bool("shared", (m, v) -> m.shared = v, m -> m.shared)
            .longValue("avail", (m, v) -> m.avail = v, m -> m.avail)
            .longValue("total", (m, v) -> m.total = v, m -> m.total)
            .longValue("used", (m, v) -> m.used = v, m -> m.used)
            .number("used_fraction", (m, v) -> m.usedFraction = v, m -> m.usedFraction)
            .bool("select_existing", (m, v) -> m.selectExisting = v, m -> m.selectExisting);

    private StorageSummary() {
        super(FIELDS);
    }

    /** The storage id, empty if Proxmox sent none. */
    public String storage() {
        return storage == null ? "" : storage;
    }

    /** {@code dir}, {@code lvmthin}, {@code zfspool}, {@code nfs}, {@code pbs}...; empty if Proxmox sent none. */
    public String type() {
        return type == null ? "" : type;
    }

    /** The content types it holds ({@code images}, {@code iso}, {@code vztmpl}, {@code backup}...). */
    public List<String> content() {
        return content == null ? List.of() : Arrays.stream(content.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether it is active (accessible), as Proxmox reports it. */
    public boolean active() {
        return active != null && active;
    }

    /** Whether it is enabled, as Proxmox reports it; true if Proxmox did not say. */
    public boolean enabled() {
        return enabled == null || enabled;
    }

    /** Whether the storage configuration marks it shared between nodes. */
    public boolean shared() {
        return shared != null && shared;
    }

    /** The space available, bytes ({@code avail}). */
    public OptionalLong available() {
        return optional(avail);
    }

    /** The space it has, bytes. */
    public OptionalLong total() {
        return optional(total);
    }

    /** The space in use, bytes. */
    public OptionalLong used() {
        return optional(used);
    }

    /** The space in use as a fraction of {@link #total}. */
    public OptionalDouble usedFraction() {
        return optional(usedFraction);
    }

    /** Whether volumes must be chosen from existing ones instead of created (sent only for the {@code format} parameter). */
    public boolean selectExisting() {
        return selectExisting != null && selectExisting;
    }

    /** Reads a storage field by field; a field of an unexpected shape is left unset. */
    static final class Reader extends PveObject.Reader<StorageSummary> {
        Reader() {
            super(FIELDS);
        }
    }
}
