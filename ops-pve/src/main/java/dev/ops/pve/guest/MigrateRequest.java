package dev.ops.pve.guest;

import dev.ops.core.error.Violations;
import dev.ops.pve.PveIds;
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
