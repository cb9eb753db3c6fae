package dev.ops.net.reach;

import dev.ops.net.IpAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of resolving a name.
 *
 * <p>A value: built with {@link #of} or {@link #failed}; {@code equals}, {@code hashCode} and
 * {@code toString} go by the properties.
 */
public final class DnsResult {
    private final String name;
    private final List<IpAddress> addresses;
    private final Duration latency;
    private final String failure;

    private DnsResult(String name, List<IpAddress> addresses, Duration latency, String failure) {
        this.name = Objects.requireNonNull(name, "name");
        this.addresses = List.copyOf(addresses);
        this.latency = Objects.requireNonNull(latency, "latency");
        this.failure = failure;
    }

    /** A resolution that returned {@code addresses}. */
    public static DnsResult of(String name, List<IpAddress> addresses, Duration latency) {
        return new DnsResult(name, addresses, latency, null);
    }

    /** A resolution that failed for {@code why}. */
    public static DnsResult failed(String name, Duration latency, String why) {
        return new DnsResult(name, List.of(), latency, Objects.requireNonNull(why, "why"));
    }

    /** The name asked for. */
    public String name() {
        return name;
    }

    /** What it resolved to (empty on failure). */
    public List<IpAddress> addresses() {
        return addresses;
    }

    /** How long the resolution took. */
    public Duration latency() {
        return latency;
    }

    /** Why it did not resolve, when it did not. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Whether the name resolved to at least one address. */
    public boolean resolved() {
        return failure == null && !addresses.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof DnsResult r && name.equals(r.name) && addresses.equals(r.addresses)
                && latency.equals(r.latency) && Objects.equals(failure, r.failure);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, addresses, latency, failure);
    }

    @Override
    public String toString() {
        return "DnsResult[name=" + name + ", addresses=" + addresses + ", latency=" + latency
                + (failure == null ? "" : ", failure=" + failure) + "]";
    }
}
