package dev.ops.pve.guest;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.ops.pve.PveObject;
import java.time.Instant;
import java.util.Optional;

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

    private static final Fields<Snapshot> FIELDS = Fields.of(Snapshot.class, Snapshot::new)
            .text("name", (m, v) -> m.name = v, m -> m.name)
            .text("description", (m, v) -> m.description = v, m -> m.description)
            .text("parent", (m, v) -> m.parent = v, m -> m.parent)
            .longValue("snaptime", (m, v) -> m.snaptime = v, m -> m.snaptime)
            .bool("vmstate", (m, v) -> m.vmstate = v, m -> m.vmstate);

    private Snapshot() {
        super(FIELDS);
    }

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

    /** Reads a snapshot field by field; a field of an unexpected shape is left unset. */
    static final class Reader extends PveObject.Reader<Snapshot> {
        Reader() {
            super(FIELDS);
        }
    }
}
