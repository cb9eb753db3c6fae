package dev.ops.pve.ha;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.ops.pve.PveObject;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One HA resource of {@code GET /cluster/ha/resources}, with the configuration Proxmox lists for it
 * (the fields of {@code GET /cluster/ha/resources/{sid}}). Fields without an accessor here stay
 * readable through {@link #field} and {@link #fields}.
 */
@JsonDeserialize(using = HaResource.Reader.class)
public final class HaResource extends PveObject {
    private String sid;
    private String state;
    private String type;
    private String group;
    private String comment;
    private Integer maxRestart;
    private Integer maxRelocate;
    private Boolean failback;
    private String digest;

    private static final Fields<HaResource> FIELDS = Fields.of(HaResource.class, HaResource::new)
            .text("sid", (m, v) -> m.sid = v, m -> m.sid)
            .text("state", (m, v) -> m.state = v, m -> m.state)
            .text("type", (m, v) -> m.type = v, m -> m.type)
            .text("group", (m, v) -> m.group = v, m -> m.group)
            .text("comment", (m, v) -> m.comment = v, m -> m.comment)
            .integer("max_restart", (m, v) -> m.maxRestart = v, m -> m.maxRestart)
            .integer("max_relocate", (m, v) -> m.maxRelocate = v, m -> m.maxRelocate)
            .bool("failback", (m, v) -> m.failback = v, m -> m.failback)
            .text("digest", (m, v) -> m.digest = v, m -> m.digest);

    private HaResource() {
        super(FIELDS);
    }

    /** The service id, e.g. {@code vm:101} or {@code ct:200}; empty if Proxmox sent none. */
    public String sid() {
        return sid == null ? "" : sid;
    }

    /** The requested state: started, stopped, enabled, disabled, ignored; empty if Proxmox sent none. */
    public String state() {
        return state == null ? "" : state;
    }

    /** The resource type, {@code vm} or {@code ct}. */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /** The HA group it belongs to. */
    public Optional<String> group() {
        return Optional.ofNullable(group);
    }

    /** Its description. */
    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    /** How often HA retries starting it on a node after a failed start. */
    public OptionalInt maxRestart() {
        return optional(maxRestart);
    }

    /** How often HA moves it to another node after failed starts. */
    public OptionalInt maxRelocate() {
        return optional(maxRelocate);
    }

    /** Whether HA moves it back to the preferred node when that node comes online; true if Proxmox did not say. */
    public boolean failback() {
        return failback == null || failback;
    }

    /** The configuration digest, which guards against concurrent changes. */
    public Optional<String> digest() {
        return Optional.ofNullable(digest);
    }

    /** Reads a resource field by field; a field of an unexpected shape is left unset. */
    static final class Reader extends PveObject.Reader<HaResource> {
        Reader() {
            super(FIELDS);
        }
    }
}
