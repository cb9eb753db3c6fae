package dev.ops.srv.rollout;

import dev.ops.core.error.Violations;
import dev.ops.srv.rollout.internal.CanaryStages;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A canary: one server taken out of rotation (weight 0), updated, gated on its health, then given
 * traffic in weight steps of {@code step} up to {@code maxWeight}, each step followed by a pause
 * during which its checks must keep passing and the share of 5xx among its responses, read from
 * HAProxy's {@code show stat}, must stay at or under {@code maxErrorRate}. A failed analysis rolls
 * everything back: weights, the update, the server's first weight.
 *
 * <pre>{@code
 * Canary spec = Canary.builder().backend("web").server("web-3").step(25).maxWeight(100)
 *         .pause(Duration.ofMinutes(2)).maxErrorRate(0.01).update(server -> deployTo(server)).build();
 * }</pre>
 */
@Value.Immutable
public abstract class Canary implements RolloutSpec {

    /** The canary server. */
    public abstract String server();

    /** The weight added at each step, 1 to 256. */
    public abstract int step();

    /**
     * The weight of full promotion, 1 to 256 and a multiple of {@link #step()}; when absent, the
     * weight the canary has when the rollout is planned (or, if that is 0, the highest weight of the
     * other servers).
     */
    public abstract Optional<Integer> maxWeight();

    /** How long each step is analysed before the next. */
    @Value.Default
    public Duration pause() {
        return Duration.ofSeconds(30);
    }

    /** The highest share of 5xx among the canary's responses during a pause, 0 to 1. */
    @Value.Default
    public double maxErrorRate() {
        return 0.05;
    }

    /** Responses a pause must see before its error rate is judged; with fewer, only the checks judge. */
    @Value.Default
    public int minRequests() {
        return 20;
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
        Violations v = Violations.of("canary of " + backend());
        Specs.checkCommon(this, v);
        v.check(server().matches("[A-Za-z0-9_.:-]+"), "server", "'" + server() + "' is not a server name");
        v.check(step() >= 1 && step() <= 256, "step", "a weight step of " + step() + ": must be 1 to 256");
        maxWeight().ifPresent(max -> {
            v.check(max >= 1 && max <= 256, "maxWeight", "a weight of " + max + ": must be 1 to 256");
            if (step() >= 1 && max >= 1) {
                v.check(max % step() == 0, "maxWeight", CanaryStages.notAMultiple(max, step()));
            }
        });
        v.check(!pause().isNegative(), "pause", "must not be negative");
        v.check(maxErrorRate() >= 0 && maxErrorRate() <= 1, "maxErrorRate", "a rate of " + maxErrorRate() + ": must be 0 to 1");
        v.check(minRequests() >= 1, "minRequests", "must be at least 1");
        v.throwIfAny();
    }

    /** Builds a {@link Canary}. */
    public static final class Builder extends ImmutableCanary.Builder {}
}
