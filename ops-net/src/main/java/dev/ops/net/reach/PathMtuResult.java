package dev.ops.net.reach;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The largest packet that reaches a target unfragmented.
 *
 * <p>A value: built with {@link #found} or {@link #failed}; {@code equals}, {@code hashCode} and
 * {@code toString} go by the properties.
 */
public final class PathMtuResult {
    private final String target;
    private final Integer mtu;
    private final int probes;
    private final String failure;

    private PathMtuResult(String target, Integer mtu, int probes, String failure) {
        this.target = Objects.requireNonNull(target, "target");
        this.mtu = mtu;
        this.probes = probes;
        this.failure = failure;
    }

    /** A search that found the path MTU {@code mtu} after {@code probes} pings. */
    public static PathMtuResult found(String target, int mtu, int probes) {
        return new PathMtuResult(target, mtu, probes, null);
    }

    /** A search that found no MTU, for {@code why}. */
    public static PathMtuResult failed(String target, int probes, String why) {
        return new PathMtuResult(target, null, probes, Objects.requireNonNull(why, "why"));
    }

    /** The address probed. */
    public String target() {
        return target;
    }

    /** The path MTU in bytes (IP header included), when found. */
    public OptionalInt mtu() {
        return mtu == null ? OptionalInt.empty() : OptionalInt.of(mtu);
    }

    /** How many pings the search sent. */
    public int probes() {
        return probes;
    }

    /** Why no MTU was found (the target did not answer even small packets), when none was. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof PathMtuResult r && target.equals(r.target) && Objects.equals(mtu, r.mtu)
                && probes == r.probes && Objects.equals(failure, r.failure);
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, mtu, probes, failure);
    }

    @Override
    public String toString() {
        return "PathMtuResult[target=" + target + (mtu == null ? "" : ", mtu=" + mtu) + ", probes=" + probes
                + (failure == null ? "" : ", failure=" + failure) + "]";
    }
}
