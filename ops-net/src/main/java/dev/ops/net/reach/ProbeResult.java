package dev.ops.net.reach;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a TCP connect or ICMP ping.
 *
 * <p>A value: built with {@link #ok} or {@link #failed}; {@code equals}, {@code hashCode} and
 * {@code toString} go by the properties.
 */
public final class ProbeResult {
    private final String probe;
    private final String target;
    private final boolean reachable;
    private final Duration latency;
    private final String failure;

    private ProbeResult(String probe, String target, boolean reachable, Duration latency, String failure) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.target = Objects.requireNonNull(target, "target");
        this.reachable = reachable;
        this.latency = latency;
        this.failure = failure;
    }

    /** A probe of {@code target} that answered after {@code latency}. */
    public static ProbeResult ok(String probe, String target, Duration latency) {
        return new ProbeResult(probe, target, true, Objects.requireNonNull(latency, "latency"), null);
    }

    /** A probe of {@code target} that did not answer, for {@code why}. */
    public static ProbeResult failed(String probe, String target, String why) {
        return new ProbeResult(probe, target, false, null, Objects.requireNonNull(why, "why"));
    }

    /** {@code tcp} or {@code icmp}. */
    public String probe() {
        return probe;
    }

    /** What was probed ({@code host:port} or an address). */
    public String target() {
        return target;
    }

    /** Whether it answered. */
    public boolean reachable() {
        return reachable;
    }

    /** The connect time or the average round trip, when it answered. */
    public Optional<Duration> latency() {
        return Optional.ofNullable(latency);
    }

    /** Why it did not answer (refused, timed out, unreachable...), when it did not. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ProbeResult r && probe.equals(r.probe) && target.equals(r.target)
                && reachable == r.reachable && Objects.equals(latency, r.latency) && Objects.equals(failure, r.failure);
    }

    @Override
    public int hashCode() {
        return Objects.hash(probe, target, reachable, latency, failure);
    }

    @Override
    public String toString() {
        return "ProbeResult[probe=" + probe + ", target=" + target + ", reachable=" + reachable
                + (latency == null ? "" : ", latency=" + latency) + (failure == null ? "" : ", failure=" + failure) + "]";
    }
}
