package dev.ops.pve.ha;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.ops.pve.PveObject;
import dev.ops.pve.internal.LenientValues;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiConsumer;

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

    private HaResource() {}

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

    @Override
    protected void known(BiConsumer<String, Object> out) {
        out.accept("sid", sid);
        out.accept("state", state);
        out.accept("type", type);
        out.accept("group", group);
        out.accept("comment", comment);
        out.accept("max_restart", maxRestart);
        out.accept("max_relocate", maxRelocate);
        out.accept("failback", failback);
        out.accept("digest", digest);
    }

    /** Reads a resource field by field; a field of an unexpected shape is left unset. */
    static final class Reader extends PveObject.Reader<HaResource> {
        Reader() {
            super(HaResource.class);
        }

        @Override
        protected HaResource create() {
            return new HaResource();
        }

        @Override
        protected boolean field(HaResource r, String name, JsonParser p) throws IOException {
            switch (name) {
                case "sid" -> r.sid = LenientValues.text(p);
                case "state" -> r.state = LenientValues.text(p);
                case "type" -> r.type = LenientValues.text(p);
                case "group" -> r.group = LenientValues.text(p);
                case "comment" -> r.comment = LenientValues.text(p);
                case "max_restart" -> r.maxRestart = LenientValues.intValue(p);
                case "max_relocate" -> r.maxRelocate = LenientValues.intValue(p);
                case "failback" -> r.failback = LenientValues.bool(p);
                case "digest" -> r.digest = LenientValues.text(p);
                default -> {
                    return false;
                }
            }
            return true;
        }
    }
}
