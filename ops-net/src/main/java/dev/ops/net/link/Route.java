package dev.ops.net.link;

import dev.ops.net.IpAddress;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A route of the main table, as {@code ip -json route show} reports it.
 *
 * @param destination {@code default} or a network in CIDR form
 * @param gateway the next hop, when the route has one
 * @param device the outgoing link
 * @param protocol who installed it ({@code kernel}, {@code static}, {@code boot}, {@code dhcp})
 * @param metric the route's metric, when set
 */
public record Route(String destination, Optional<IpAddress> gateway, Optional<String> device, String protocol,
        OptionalLong metric) {

    /** Whether this is a default route. */
    public boolean isDefault() {
        return destination.equals("default") || destination.equals("0.0.0.0/0") || destination.equals("::/0");
    }
}
