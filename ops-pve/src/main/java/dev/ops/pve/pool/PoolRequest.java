package dev.ops.pve.pool;

import dev.ops.core.error.Violations;
import dev.ops.pve.PveIds;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A resource pool to create: its id and a comment.
 *
 * <pre>{@code
 * client.changes(ops).createPool(p -> p.poolid("lab").comment("the lab's guests"));
 * }</pre>
 */
@Value.Immutable
public abstract class PoolRequest {

    /** The pool id. */
    public abstract String poolid();

    /** {@code comment}. */
    public abstract Optional<String> comment();

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
        Violations v = Violations.of("pool request");
        v.check(PveIds.isPoolId(poolid()), "poolid", "'" + poolid() + "' is not a valid pool id");
        v.throwIfAny();
    }

    /** Builds a {@link PoolRequest}. */
    public static final class Builder extends ImmutablePoolRequest.Builder {}
}
