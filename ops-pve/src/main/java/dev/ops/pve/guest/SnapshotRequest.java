package dev.ops.pve.guest;

import dev.ops.core.error.Violations;
import dev.ops.pve.PveIds;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A snapshot to take: its name, a description, and whether a VM's RAM goes with it.
 *
 * <pre>{@code
 * client.changes(ops).snapshot(vm, s -> s.name("before-upgrade").description("kernel 6.14").vmstate(true));
 * }</pre>
 */
@Value.Immutable
public abstract class SnapshotRequest {

    /** The snapshot's name: a letter, then letters, digits or '_', 2 to 40 characters. */
    public abstract String name();

    /** {@code description}. */
    public abstract Optional<String> description();

    /** Whether the VM's RAM is saved with it ({@code vmstate}; VMs only). False when not set. */
    @Value.Default
    public boolean vmstate() {
        return false;
    }

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
        Violations v = Violations.of("snapshot request");
        v.check(PveIds.isSnapshotName(name()), "name",
                "'" + name() + "' is not a snapshot name (a letter, then letters, digits or '_', 2 to 40 characters)");
        v.throwIfAny();
    }

    /** Builds a {@link SnapshotRequest}. */
    public static final class Builder extends ImmutableSnapshotRequest.Builder {}
}
