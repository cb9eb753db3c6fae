package dev.ops.pve.storage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.ops.pve.PveObject;
import dev.ops.pve.internal.LenientValues;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.BiConsumer;

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

    private StorageContentItem() {}

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

    @Override
    protected void known(BiConsumer<String, Object> out) {
        out.accept("volid", volid);
        out.accept("content", content);
        out.accept("format", format);
        out.accept("size", size);
        out.accept("used", used);
        out.accept("vmid", vmid);
        out.accept("ctime", ctime);
        out.accept("parent", parent);
        out.accept("notes", notes);
        out.accept("protected", protectedVolume);
        out.accept("encrypted", encrypted);
    }

    /** Reads a volume field by field; a field of an unexpected shape is left unset. */
    static final class Reader extends PveObject.Reader<StorageContentItem> {
        Reader() {
            super(StorageContentItem.class);
        }

        @Override
        protected StorageContentItem create() {
            return new StorageContentItem();
        }

        @Override
        protected boolean field(StorageContentItem i, String name, JsonParser p) throws IOException {
            switch (name) {
                case "volid" -> i.volid = LenientValues.text(p);
                case "content" -> i.content = LenientValues.text(p);
                case "format" -> i.format = LenientValues.text(p);
                case "size" -> i.size = LenientValues.longValue(p);
                case "used" -> i.used = LenientValues.longValue(p);
                case "vmid" -> i.vmid = LenientValues.intValue(p);
                case "ctime" -> i.ctime = LenientValues.longValue(p);
                case "parent" -> i.parent = LenientValues.text(p);
                case "notes" -> i.notes = LenientValues.text(p);
                case "protected" -> i.protectedVolume = LenientValues.bool(p);
                case "encrypted" -> i.encrypted = LenientValues.text(p);
                default -> {
                    return false;
                }
            }
            return true;
        }
    }
}
