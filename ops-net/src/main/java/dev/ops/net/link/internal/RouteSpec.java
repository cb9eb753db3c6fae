package dev.ops.net.link.internal;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a route should look like; built by {@link dev.ops.net.link.RouteRequest}.
 *
 * @param destination {@code default} or a CIDR
 * @param via the next hop
 * @param device the outgoing link
 * @param metric the route metric
 */
public record RouteSpec(String destination, Optional<String> via, Optional<String> device, OptionalLong metric) {

    public RouteSpec {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(metric, "metric");
    }
}
