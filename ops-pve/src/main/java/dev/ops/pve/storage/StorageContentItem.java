package dev.ops.pve.storage;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.ops.pve.PveObject;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One volume of {@code GET /nodes/{node}/storage/{storage}/content}. Fields without an accessor
 * here (such as a PBS backup's {@code verification}) stay readable through {@link #field} and
 * {@link #fields}.
 */
@JsonDeserialize(using = StorageContentItem.Reader.class)
public final class StorageContentItem extends PveObject {
    private String volid;
    private String content;
    private String format;
    private Long size;
    private Long used;
    private Integer vmid;
    private Long ctime;
    private String parent;
    private String notes;
    private Boolean protectedVolume;
    private String encrypted;

    private static final Fields<StorageContentItem> FIELDS = Fields.of(StorageContentItem.class, StorageContentItem::new)
            .text("volid", (m, v) -> m.volid = v, m -> m.volid)
            .text("content", (m, v) -> m.content = v, m -> m.content)
            .text("format", (m, v) -> m.format = v, m -> m.format)
            .longValue("size", (m, v) -> m.size = v, m -> m.size)
            .longValue("used", (m, v) -> m.used = v, m -> m.used)
            .integer("vmid", (m, v) -> m.vmid = v, m -> m.vmid)
            .longValue("ctime", (m, v) -> m.ctime = v, m -> m.ctime)
            .text("parent", (m, v) -> m.parent = v, m -> m.parent)
            .text("notes", (m, v) -> m.notes = v, m -> m.notes)
            .bool("protected", (m, v) -> m.protectedVolume = v, m -> m.protectedVolume)
            .text("encrypted", (m, v) -> m.encrypted = v, m -> m.encrypted);

    private StorageContentItem() {
        super(FIELDS);
    }

    /** The volume id, e.g. {@code local:iso/debian-12.iso}; empty if Proxmox sent none. */
    public String volid() {
        return volid == null ? "" : volid;
    }

    /** {@code iso}, {@code vztmpl}, {@code backup}, {@code images}, {@code rootdir}...; empty if Proxmox sent none. */
    public String content() {
        return content == null ? "" : content;
    }

    /** Its format ({@code raw}, {@code qcow2}, {@code subvol}, {@code iso}, {@code tgz}...). */
    public Optional<String> format() {
        return Optional.ofNullable(format);
    }

    /** Its size, bytes. */
    public OptionalLong size() {
        return optional(size);
    }

    /** The space it uses, bytes (most storages report nothing useful here). */
    public OptionalLong used() {
        return optional(used);
    }

    /** The guest a disk or backup belongs to. */
    public OptionalInt vmid() {
        return optional(vmid);
    }

    /** When it was created ({@code ctime}). */
    public Optional<Instant> created() {
        return ctime == null ? Optional.empty() : Optional.of(Instant.ofEpochSecond(ctime));
    }

    /** The volume a linked clone is based on. */
    public Optional<String> parent() {
        return Optional.ofNullable(parent);
    }

    /** The first line of its notes. */
    public Optional<String> notes() {
        return Optional.ofNullable(notes);
    }

    /** Whether it is protected from removal (backups only). */
    public boolean isProtected() {
        return protectedVolume != null && protectedVolume;
    }

    /** For an encrypted backup: the key's fingerprint, or {@code 1}. */
    public Optional<String> encrypted() {
        return Optional.ofNullable(encrypted);
    }

    /** Reads a volume field by field; a field of an unexpected shape is left unset. */
    static final class Reader extends PveObject.Reader<StorageContentItem> {
        Reader() {
            super(FIELDS);
        }
    }
}
