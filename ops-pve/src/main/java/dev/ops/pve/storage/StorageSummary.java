package dev.ops.pve.storage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.ops.pve.PveObject;
import dev.ops.pve.internal.LenientValues;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.BiConsumer;

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

    private StorageSummary() {}

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

    @Override
    protected void known(BiConsumer<String, Object> out) {
        out.accept("storage", storage);
        out.accept("type", type);
        out.accept("content", content);
        out.accept("active", active);
        out.accept("enabled", enabled);
        out.accept("shared", shared);
        out.accept("avail", avail);
        out.accept("total", total);
        out.accept("used", used);
        out.accept("used_fraction", usedFraction);
        out.accept("select_existing", selectExisting);
    }

    /** Reads a storage field by field; a field of an unexpected shape is left unset. */
    static final class Reader extends PveObject.Reader<StorageSummary> {
        Reader() {
            super(StorageSummary.class);
        }

        @Override
        protected StorageSummary create() {
            return new StorageSummary();
        }

        @Override
        protected boolean field(StorageSummary s, String name, JsonParser p) throws IOException {
            switch (name) {
                case "storage" -> s.storage = LenientValues.text(p);
                case "type" -> s.type = LenientValues.text(p);
                case "content" -> s.content = LenientValues.text(p);
                case "active" -> s.active = LenientValues.bool(p);
                case "enabled" -> s.enabled = LenientValues.bool(p);
                case "shared" -> s.shared = LenientValues.bool(p);
                case "avail" -> s.avail = LenientValues.longValue(p);
                case "total" -> s.total = LenientValues.longValue(p);
                case "used" -> s.used = LenientValues.longValue(p);
                case "used_fraction" -> s.usedFraction = LenientValues.number(p);
                case "select_existing" -> s.selectExisting = LenientValues.bool(p);
                default -> {
                    return false;
                }
            }
            return true;
        }
    }
}
