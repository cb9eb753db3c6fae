package dev.ops.srv.rollout;

import dev.ops.core.error.Violations;
import java.util.List;
import org.immutables.value.Value;

/**
 * A rolling update: the servers in batches of {@code batchSize}, each batch drained, updated,
 * gated on its health and put back, never more than {@code maxUnavailable} servers of the backend
 * out of traffic at once (servers already out count).
 *
 * <pre>{@code
 * RollingUpdate spec = RollingUpdate.builder().backend("web").batchSize(2).maxUnavailable(2)
 *         .update(server -> Service.on(hostOf(server), ops).unit("web.service").restart()).build();
 * }</pre>
 */
@Value.Immutable
public abstract class RollingUpdate implements RolloutSpec {

    /** The servers to update, in order; empty (the default) means every server of the backend, in HAProxy's order. */
    public abstract List<String> servers();

    /** Servers updated at once. */
    @Value.Default
    public int batchSize() {
        return 1;
    }

    /** The most servers of the backend out of traffic at once, those already out included. */
    @Value.Default
    public int maxUnavailable() {
        return 1;
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's settings. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    @Value.Check
    protected void check() {
        Violations v = Violations.of("rolling update of " + backend());
        Specs.checkCommon(this, v);
        v.check(batchSize() >= 1, "batchSize", "must be at least 1, not " + batchSize());
        v.check(maxUnavailable() >= 1, "maxUnavailable", "must be at least 1, not " + maxUnavailable());
        v.check(servers().stream().distinct().count() == servers().size(), "servers", "names a server twice: " + servers());
        v.throwIfAny();
    }

    /** Builds a {@link RollingUpdate}. */
    public static final class Builder extends ImmutableRollingUpdate.Builder {}
}
