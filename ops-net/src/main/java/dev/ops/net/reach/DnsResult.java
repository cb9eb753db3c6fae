package dev.ops.net.reach;

import dev.ops.net.IpAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of resolving a name.
 *
 * @param name the name asked for
 * @param addresses what it resolved to (empty on failure)
 * @param latency how long the resolution took
 * @param failure why it did not resolve, when it did not
 */
public record DnsResult(String name, List<IpAddress> addresses, Duration latency, Optional<String> failure) {

    public DnsResult {
        addresses = List.copyOf(addresses);
    }

    /** Whether the name resolved to at least one address. */
    public boolean resolved() {
        return failure.isEmpty() && !addresses.isEmpty();
    }
}
