package dev.ops.pbs;

import dev.ops.core.error.Violations;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A traffic-control rule as wanted ({@code /config/traffic-control}): the networks it applies to,
 * rate and burst limits each way (e.g. {@code 100 MiB}), and optionally the times and users it
 * applies to.
 */
@Value.Immutable
public abstract class TrafficControlRequest {
    /** The rule's name. */
    public abstract String name();

    /** The networks it applies to, in CIDR form (at least one). */
    public abstract List<String> network();

    /** The incoming rate limit. */
    public abstract Optional<String> rateIn();

    /** The outgoing rate limit. */
    public abstract Optional<String> rateOut();

    /** The incoming burst. */
    public abstract Optional<String> burstIn();

    /** The outgoing burst. */
    public abstract Optional<String> burstOut();

    /** When it applies, e.g. {@code mon..fri 8:00-18:00} (always when empty). */
    public abstract List<String> timeframe();

    /** The users it applies to (everyone when empty). */
    public abstract List<String> users();

    /** A comment. */
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
        Violations v = Violations.of("traffic-control rule");
        PbsIds.safeId(v, "name", name());
        v.check(!network().isEmpty(), "network", "name at least one network (CIDR)");
        for (String n : network()) {
            v.check(n.matches("[0-9A-Fa-f.:]+/[0-9]{1,3}"), "network", "'" + n + "' is not a network in CIDR form");
        }
        for (Optional<String> rate : List.of(rateIn(), rateOut(), burstIn(), burstOut())) {
            rate.ifPresent(r -> v.check(r.matches("[0-9]+(\\.[0-9]+)?\\s*([KMGTP]i?)?B?"), "rate", "'" + r + "' is not a byte size (e.g. 10 MiB)"));
        }
        v.check(rateIn().isPresent() || rateOut().isPresent(), "rate-in", "set a rate limit in at least one direction");
        PbsIds.oneLine(v, "comment", comment());
        v.throwIfAny();
    }

    /** Builds a {@link TrafficControlRequest}. */
    public static final class Builder extends ImmutableTrafficControlRequest.Builder {}
}
