package dev.ops.net.link;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.host.Host;
import dev.ops.net.link.internal.RouteChange;
import dev.ops.net.link.internal.RouteSpec;
import java.util.List;
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
    private boolean confirmed;

    RouteRequest(Host host, Ops ops, String destination) {
        this.host = host;
        this.ops = ops;
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

    /** Allows removing a default route; without it, such a plan fails with a {@link HostLockoutException}. */
    public RouteRequest confirmDisruption() {
        this.confirmed = true;
        return this;
    }

    /** A change that adds the route if missing; yields the matching routes after apply. */
    public Change<List<Route>> present() {
        return RouteChange.of(host, ops, new RouteSpec(destination, via, device, metric), true, confirmed);
    }

    /** A change that removes the matching routes, if any; yields those left after apply. */
    public Change<List<Route>> absent() {
        return RouteChange.of(host, ops, new RouteSpec(destination, via, device, metric), false, confirmed);
    }
}
