package dev.ops.pve.guest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.ops.pve.PveObject;
import dev.ops.pve.internal.LenientValues;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * One snapshot of a guest ({@code GET .../snapshot}). Fields without an accessor here stay readable
 * through {@link #field} and {@link #fields}.
 */
@JsonDeserialize(using = Snapshot.Reader.class)
public final class Snapshot extends PveObject {
    private String name;
    private String description;
    private String parent;
    private Long snaptime;
    private Boolean vmstate;

    private Snapshot() {}

    /** The snapshot name ({@code current} is the pseudo-entry for "now"); empty if Proxmox sent none. */
    public String name() {
        return name == null ? "" : name;
    }

    /** Its description, empty if none. */
    public String description() {
        return description == null ? "" : description;
    }

    /** Whether this is Proxmox's {@code current} pseudo-snapshot, the running state. */
    public boolean isCurrent() {
        return "current".equals(name);
    }

    /** The snapshot this one was taken after. */
    public Optional<String> parent() {
        return Optional.ofNullable(parent);
    }

    /** When it was taken. */
    public Optional<Instant> time() {
        return snaptime == null ? Optional.empty() : Optional.of(Instant.ofEpochSecond(snaptime));
    }

    /** Whether it includes the VM's RAM. */
    public boolean vmstate() {
        return vmstate != null && vmstate;
    }

    @Override
    protected void known(BiConsumer<String, Object> out) {
        out.accept("name", name);
        out.accept("description", description);
        out.accept("parent", parent);
        out.accept("snaptime", snaptime);
        out.accept("vmstate", vmstate);
    }

    /** Reads a snapshot field by field; a field of an unexpected shape is left unset. */
    static final class Reader extends PveObject.Reader<Snapshot> {
        Reader() {
            super(Snapshot.class);
        }

        @Override
        protected Snapshot create() {
            return new Snapshot();
        }

        @Override
        protected boolean field(Snapshot s, String name, JsonParser p) throws IOException {
            switch (name) {
                case "name" -> s.name = LenientValues.text(p);
                case "description" -> s.description = LenientValues.text(p);
                case "parent" -> s.parent = LenientValues.text(p);
                case "snaptime" -> s.snaptime = LenientValues.longValue(p);
                case "vmstate" -> s.vmstate = LenientValues.bool(p);
                default -> {
                    return false;
                }
            }
            return true;
        }
    }
}
