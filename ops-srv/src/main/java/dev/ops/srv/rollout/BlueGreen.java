package dev.ops.srv.rollout;

import dev.ops.core.error.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A blue-green switch: of two sides of one backend, the one taking no traffic gets the new
 * version, is gated on its health, then takes the traffic while the other side is drained and
 * kept as it is, so that rolling the change back switches back to it.
 *
 * <pre>{@code
 * BlueGreen spec = BlueGreen.builder().backend("web").addBlue("blue-1", "blue-2").addGreen("green-1", "green-2")
 *         .update(server -> deployTo(server)).build();
 * }</pre>
 */
@Value.Immutable
public abstract class BlueGreen implements RolloutSpec {

    /** One side's servers. */
    public abstract List<String> blue();

    /** The other side's servers. */
    public abstract List<String> green();

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
        Violations v = Violations.of("blue-green switch of " + backend());
        Specs.checkCommon(this, v);
        v.check(!blue().isEmpty(), "blue", "a side of zero servers");
        v.check(!green().isEmpty(), "green", "a side of zero servers");
        Set<String> both = new HashSet<>(blue());
        both.retainAll(green());
        v.check(both.isEmpty(), "green", "servers on both sides: " + both);
        v.throwIfAny();
    }

    /** Builds a {@link BlueGreen}. */
    public static final class Builder extends ImmutableBlueGreen.Builder {}
}
