package dev.ops.pve.node;

import dev.ops.core.error.Violations;
import dev.ops.pve.PveIds;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Which recent tasks of a node to list: how many, and optionally only those of one guest.
 *
 * <pre>{@code
 * node.tasks(q -> q.vmid(101).limit(10));
 * }</pre>
 */
@Value.Immutable
public abstract class TaskQuery {

    /** Only the tasks of this guest. */
    public abstract OptionalInt vmid();

    /** At most this many tasks, newest first; 50 when not set. */
    @Value.Default
    public int limit() {
        return 50;
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
        Violations v = Violations.of("task query");
        vmid().ifPresent(id -> PveIds.checkVmid(v, "vmid", id));
        v.check(limit() >= 1, "limit", "must be at least 1");
        v.throwIfAny();
    }

    /** Builds a {@link TaskQuery}. */
    public static final class Builder extends ImmutableTaskQuery.Builder {}
}
