package dev.ops.net.link.internal;

import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.net.IpAddress;
import dev.ops.net.link.Link;
import dev.ops.net.link.LinkAddress;
import dev.ops.net.link.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One reading of a host's links, addresses and routes, plus the links that carry its default
 * route and the SSH session in use (the "lifeline" a change must not cut without confirmation).
 */
public record NetState(List<Link> links, List<LinkAddress> addresses, List<Route> routes, Map<String, String> lifelines) {

    /** Reads everything with four {@code ip -json} commands and one environment probe. */
    public static NetState read(Host host) {
        List<Link> links = IpJson.links(host.check(Command.of("ip", "-json", "-details", "link", "show")).stdoutText());
        List<LinkAddress> addresses = IpJson.addresses(host.check(Command.of("ip", "-json", "address", "show")).stdoutText());
        List<Route> routes = new ArrayList<>(IpJson.routes(host.check(Command.of("ip", "-json", "route", "show")).stdoutText()));
        CommandResult v6 = host.run(Command.of("ip", "-6", "-json", "route", "show"));
        if (v6.ok()) {
            routes.addAll(IpJson.routes(v6.stdoutText()));
        }
        Map<String, String> lifelines = new LinkedHashMap<>();
        for (Route r : routes) {
            if (r.isDefault() && r.device().isPresent()) {
                lifelines.putIfAbsent(r.device().get(), "it carries the default route" + r.gateway().map(g -> " via " + g).orElse(""));
            }
        }
        sshClient(host).ifPresent(client -> {
            CommandResult get = host.run(Command.of("ip", "-json", "route", "get", client.toString()));
            if (get.ok()) {
                IpJson.routeGetDevice(get.stdoutText()).ifPresent(dev ->
                        lifelines.put(dev, "it carries the SSH session from " + client));
            }
        });
        NetState base = new NetState(List.copyOf(links), List.copyOf(addresses), List.copyOf(routes), Map.of());
        Map<String, String> all = new LinkedHashMap<>();
        lifelines.forEach((dev, why) -> base.lowerChain(dev).forEach(l -> all.putIfAbsent(l,
                l.equals(dev) ? why : "it is below " + dev + ", and " + why)));
        return new NetState(base.links, base.addresses, base.routes, Map.copyOf(all));
    }

    private static Optional<IpAddress> sshClient(Host host) {
        CommandResult r = host.run(Command.of("sh", "-c", "printf '%s' \"$SSH_CONNECTION\""));
        if (!r.ok()) {
            return Optional.empty();
        }
        String[] parts = r.stdoutText().trim().split("\\s+");
        return parts.length >= 1 ? IpAddress.tryParse(parts[0]) : Optional.empty();
    }

    /** The link of that name. */
    public Optional<Link> link(String name) {
        return links.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** Links enslaved to {@code master}. */
    public List<Link> portsOf(String master) {
        return links.stream().filter(l -> l.master().map(master::equals).orElse(false)).toList();
    }

    /** Addresses on {@code link}, link-local ones excluded. */
    public List<LinkAddress> addressesOf(String link) {
        return addresses.stream().filter(a -> a.link().equals(link) && !a.scope().equals("link")).toList();
    }

    /** Routes out of {@code link} that the kernel did not add itself. */
    public List<Route> staticRoutesOf(String link) {
        return routes.stream().filter(r -> r.device().map(link::equals).orElse(false) && !r.protocol().equals("kernel")).toList();
    }

    /** {@code link} and every link under it: its ports or slaves and a VLAN's raw device, recursively. */
    public Set<String> lowerChain(String link) {
        Set<String> out = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(link));
        while (!todo.isEmpty()) {
            String l = todo.remove(0);
            if (!out.add(l)) {
                continue;
            }
            portsOf(l).forEach(p -> todo.add(p.name()));
            link(l).filter(x -> x.is("vlan")).flatMap(Link::parent).ifPresent(todo::add);
        }
        return out;
    }

    /** Why cutting {@code link} would cut the host off, if it would. */
    public Optional<String> lifeline(String link) {
        return Optional.ofNullable(lifelines.get(link));
    }
}
