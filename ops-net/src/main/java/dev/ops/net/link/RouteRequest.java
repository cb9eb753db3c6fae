package dev.ops.net.link;

import dev.ops.core.Ops;
import dev.ops.core.host.Host;
import java.util.Optional;
import java.util.OptionalLong;

/** Fluent description of a route, ended by {@link #present()} or {@link #absent()}. Not thread-safe. */
public final class RouteRequest {
    private final Ops ops;
    private final Host host;
    private final String destination;
    private Optional<String> via = Optional.empty();
    private Optional<String> device = Optional.empty();
    private OptionalLong metric = OptionalLong.empty();

    RouteRequest(Ops ops, Host host, String destination) {
        this.ops = ops;
        this.host = host;
        this.destination = destination;
    }

    /** The next hop. */
    public RouteRequest via(String gateway) {
        this.via = Optional.of(gateway);
        return this;
    }

    /** The outgoing link. */
    public RouteRequest dev(String link) {
        this.device = Optional.of(link);
        return this;
    }

    /** The route metric. */
    public RouteRequest metric(long value) {
        this.metric = OptionalLong.of(value);
        return this;
    }

    /** A change that adds the route if missing. */
    public RouteChange present() {
        return new RouteChange(ops, host, destination, via, device, metric, true, false);
    }

    /** A change that removes the matching routes, if any. */
    public RouteChange absent() {
        return new RouteChange(ops, host, destination, via, device, metric, false, false);
    }
}
