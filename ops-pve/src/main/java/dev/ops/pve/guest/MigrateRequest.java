package dev.ops.pve.guest;

import dev.ops.core.error.Violations;
import dev.ops.pve.PveIds;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A migration to another node: online (live) or offline, with local disks, to another storage; for
 * containers, restart mode with a shutdown timeout.
 */
@Value.Immutable
public abstract class MigrateRequest {

    /** The node to migrate to. */
    public abstract String targetNode();

    /** Live migration of a running VM / restart migration of a running container when true. */
    public abstract Optional<Boolean> online();

    /** {@code with-local-disks} (VMs). */
    public abstract Optional<Boolean> withLocalDisks();

    /** Target storage for local disks ({@code targetstorage} / {@code target-storage}). */
    public abstract Optional<String> targetStorage();

    /** Bandwidth limit in KiB/s. */
    public abstract OptionalInt bandwidthLimit();

    /** Containers: shutdown timeout in seconds for a restart migration. */
    public abstract OptionalInt timeoutSeconds();

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's settings, to derive a changed copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** The parameters for a guest of {@code type}. */
    public Map<String, Object> toParams(GuestType type) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("target", targetNode());
        if (type == GuestType.QEMU) {
            online().ifPresent(o -> p.put("online", o));
            withLocalDisks().ifPresent(o -> p.put("with-local-disks", o));
            targetStorage().ifPresent(o -> p.put("targetstorage", o));
        } else {
            online().ifPresent(o -> p.put("restart", o));
            targetStorage().ifPresent(o -> p.put("target-storage", o));
            timeoutSeconds().ifPresent(o -> p.put("timeout", o));
        }
        bandwidthLimit().ifPresent(o -> p.put("bwlimit", o));
        return p;
    }

    @Value.Check
    protected void check() {
        Violations v = Violations.of("migrate request");
        PveIds.checkNode(v, "targetNode", targetNode());
        bandwidthLimit().ifPresent(b -> v.check(b >= 0, "bandwidthLimit", "must not be negative"));
        v.throwIfAny();
    }

    /** Builds a {@link MigrateRequest}. */
    public static final class Builder extends ImmutableMigrateRequest.Builder {}
}
