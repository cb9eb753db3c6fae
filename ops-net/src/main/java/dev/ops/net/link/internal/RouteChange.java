package dev.ops.net.link.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.net.Cidr;
import dev.ops.net.IpAddress;
import dev.ops.net.link.HostLockoutException;
import dev.ops.net.link.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Adds or removes one route of the main table. Removing a default route is refused unless
 * confirmed; rollback of a removal puts back the route exactly as it was read. A route out of a
 * link that does not exist fails when planned, with a {@link NotFoundException}. Yields the
 * matching routes after apply.
 */
public final class RouteChange extends HostChange<List<Route>, Void> {
    private final String destination;
    private final Optional<String> via;
    private final Optional<String> device;
    private final OptionalLong metric;
    private final boolean present;
    private final boolean confirmed;

    private RouteChange(Host host, Ops ops, RouteSpec spec, boolean present, boolean confirmed) {
        super(host, ops);
        this.destination = spec.destination();
        this.via = spec.via();
        this.device = spec.device();
        this.metric = spec.metric();
        this.present = present;
        this.confirmed = confirmed;
    }

    /** The change that adds the route of {@code spec}, or removes the routes matching it; {@code confirmed} allows removing a default route. */
    public static Change<List<Route>> of(Host host, Ops ops, RouteSpec spec, boolean present, boolean confirmed) {
        return new RouteChange(host, ops, spec, present, confirmed);
    }

    @Override
    public String description() {
        return (present ? "route " : "remove route ") + destination + via.map(g -> " via " + g).orElse("")
                + device.map(d -> " dev " + d).orElse("") + " on " + host.name();
    }

    private Optional<dev.ops.net.IpFamily> family() {
        if (destination.equals("default")) {
            return via.flatMap(IpAddress::tryParse).map(IpAddress::family);
        }
        return Cidr.tryParse(destination).map(Cidr::family);
    }

    @Override
    protected void validate(Violations v) {
        v.check(destination.equals("default") || Cidr.tryParse(destination).isPresent(), "destination",
                destination.equals("default") ? "" : Cidr.problem(destination));
        via.ifPresent(g -> v.check(IpAddress.tryParse(g).isPresent(), "via", "'" + g + "' is not an IP address"));
        v.check(!present || via.isPresent() || device.isPresent(), "via", "a route needs a gateway or a device");
        device.ifPresent(d -> v.check(LinkChange.validName(d), "device", "'" + d + "' is not a link name"));
        metric.ifPresent(m -> v.check(m >= 0 && m <= 0xFFFFFFFFL, "metric", "must be 0 to 4294967295"));
        if (via.isPresent() && Cidr.tryParse(destination).isPresent() && IpAddress.tryParse(via.get()).isPresent()) {
            v.check(Cidr.parse(destination).family() == IpAddress.parse(via.get()).family(), "via", "gateway and destination differ in family");
        }
    }

    private String normalizedDestination() {
        return destination.equals("default") ? "default" : Cidr.parse(destination).network().toString();
    }

    private boolean matches(Route r) {
        String d = normalizedDestination();
        boolean dst = r.destination().equals(d) || (d.equals("default") && r.isDefault())
                || Cidr.tryParse(r.destination()).map(c -> c.toString().equals(d)).orElse(false)
                || (!r.destination().contains("/") && (r.destination() + (r.destination().contains(":") ? "/128" : "/32")).equals(d));
        return dst && via.map(g -> r.gateway().map(x -> x.equals(IpAddress.parse(g))).orElse(false)).orElse(true)
                && device.map(x -> r.device().map(x::equals).orElse(false)).orElse(true)
                && (metric.isEmpty() || r.metric().equals(metric) || (metric.getAsLong() == 0 && r.metric().isEmpty()))
                && sameFamily(r);
    }

    private boolean sameFamily(Route r) {
        Optional<dev.ops.net.IpFamily> f = family();
        if (f.isEmpty()) {
            return true;
        }
        boolean v6 = r.destination().contains(":") || r.gateway().map(g -> !g.isV4()).orElse(false);
        return (f.get() == dev.ops.net.IpFamily.IPV6) == v6;
    }

    /** {@code ip route add} for these fields. */
    static Command addCommand(String destination, Optional<IpAddress> via, Optional<String> device, OptionalLong metric) {
        return routeCommand("add", destination, via.map(IpAddress::toString), device, metric);
    }

    private static Command routeCommand(String verb, String destination, Optional<String> via, Optional<String> device,
            OptionalLong metric) {
        List<String> a = new ArrayList<>(List.of("ip"));
        boolean v6 = destination.contains(":") || via.map(g -> g.contains(":")).orElse(false);
        if (v6) {
            a.add("-6");
        }
        a.addAll(List.of("route", verb, destination));
        via.ifPresent(g -> a.addAll(List.of("via", g)));
        device.ifPresent(d -> a.addAll(List.of("dev", d)));
        metric.ifPresent(m -> a.addAll(List.of("metric", String.valueOf(m))));
        return Command.of(a);
    }

    @Override
    protected Planned<Void> planSteps() {
        NetState state = NetState.read(host);
        if (present && device.isPresent() && state.link(device.get()).isEmpty()) {
            throw new NotFoundException("link " + device.get(), "not on " + host.name() + " (named by " + description() + ")");
        }
        return Planned.of(steps(state));
    }

    private List<Step> steps(NetState state) {
        List<Route> existing = state.routes().stream().filter(this::matches).toList();
        List<Step> steps = new ArrayList<>();
        String dst = normalizedDestination();
        if (present && existing.isEmpty()) {
            Command add = routeCommand("add", dst, via, device, metric).asRoot();
            Command del = routeCommand("del", dst, via, device, metric).asRoot();
            steps.add(Step.of("add route " + dst, CommandAction.of(host.name(), add), CommandAction.of(host.name(), del)));
        } else if (!present) {
            for (Route r : existing) {
                if (r.isDefault() && !confirmed) {
                    throw new HostLockoutException(host.name(), r.device().orElse("?"), "remove the default route",
                            "the default route" + r.gateway().map(g -> " via " + g).orElse("") + " is how the host is reached");
                }
                Optional<String> gw = r.gateway().map(IpAddress::toString);
                Command del = routeCommand("del", dst, gw, r.device(), r.metric()).asRoot();
                Command add = routeCommand("add", dst, gw, r.device(), r.metric()).asRoot();
                steps.add(Step.of("remove route " + dst, CommandAction.of(host.name(), del), CommandAction.of(host.name(), add)));
            }
        }
        return steps;
    }

    @Override
    protected List<Route> result(Void context) {
        return NetState.read(host).routes().stream().filter(this::matches).toList();
    }
}
