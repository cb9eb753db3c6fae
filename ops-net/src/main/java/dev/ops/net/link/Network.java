package dev.ops.net.link;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.host.Host;
import dev.ops.net.link.internal.AddressChange;
import dev.ops.net.link.internal.NetState;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The live network of one host through iproute2: reads links, addresses and routes from
 * {@code ip -json}, and builds changes (bridges, VLANs, bonds, veth pairs, link settings,
 * addresses, routes) that plan, apply and roll back through the ops change model.
 *
 * <pre>{@code
 * Network net = Network.on(host, ops);
 * net.bridge("vmbr1").vlanAware(true).ports("eth1").up().present().apply();
 * net.vlan("eth1", 20).up().present().plan();     // eth1.20
 * net.address("vmbr1", "10.10.0.2/24").present().apply();
 * }</pre>
 */
public final class Network {
    private final Ops ops;
    private final Host host;

    private Network(Host host, Ops ops) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = Objects.requireNonNull(ops, "ops");
    }

    /** The network of {@code host}, its changes journaled in {@code ops}. */
    public static Network on(Host host, Ops ops) {
        return new Network(host, ops);
    }

    /** The host this network belongs to. */
    public Host host() {
        return host;
    }

    /** Every link, from {@code ip -json -details link show}. */
    public List<Link> links() {
        return NetState.read(host).links();
    }

    /** The link of that name, if it exists. */
    public Optional<Link> getLink(String name) {
        return links().stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** Every address, from {@code ip -json address show}. */
    public List<LinkAddress> addresses() {
        return NetState.read(host).addresses();
    }

    /** IPv4 and IPv6 routes of the main table, from {@code ip -json route show}. */
    public List<Route> routes() {
        return NetState.read(host).routes();
    }

    /**
     * The links a change must not cut without confirmation, with the reason: the default route's
     * link, the SSH session's link, and every link below them.
     */
    public Map<String, String> lifelines() {
        return NetState.read(host).lifelines();
    }

    /** A Linux bridge. */
    public LinkRequest bridge(String name) {
        return new LinkRequest(host, ops, name, Optional.of("bridge"));
    }

    /** An 802.1Q VLAN named {@code name}; give it {@code parent(..)} and {@code id(..)}. */
    public LinkRequest vlan(String name) {
        return new LinkRequest(host, ops, name, Optional.of("vlan"));
    }

    /** An 802.1Q VLAN {@code id} on {@code parent}, named {@code parent.id}. */
    public LinkRequest vlan(String parent, int id) {
        return vlan(parent + "." + id).parent(parent).id(id);
    }

    /** A bond. */
    public LinkRequest bond(String name) {
        return new LinkRequest(host, ops, name, Optional.of("bond"));
    }

    /** A veth pair: {@code name} and its {@code peer(..)}. */
    public LinkRequest veth(String name) {
        return new LinkRequest(host, ops, name, Optional.of("veth"));
    }

    /** An existing link of any kind, to set MTU, state or master. */
    public LinkRequest link(String name) {
        return new LinkRequest(host, ops, name, Optional.empty());
    }

    /** An address ({@code 10.0.0.2/24}) on a link. */
    public AddressRequest address(String link, String cidr) {
        return new AddressRequest(host, ops, link, cidr);
    }

    /** A route to {@code destination} ({@code default} or a CIDR). */
    public RouteRequest route(String destination) {
        return new RouteRequest(host, ops, destination);
    }

    /** An address on a link, ended by {@link #present()} or {@link #absent()}. Not thread-safe. */
    public static final class AddressRequest {
        private final Host host;
        private final Ops ops;
        private final String link;
        private final String cidr;
        private boolean confirmed;

        AddressRequest(Host host, Ops ops, String link, String cidr) {
            this.host = host;
            this.ops = ops;
            this.link = link;
            this.cidr = cidr;
        }

        /**
         * Allows removing the address that reaches the gateway of a link carrying the default route
         * or the SSH session; without it, such a plan fails with a {@link HostLockoutException}.
         */
        public AddressRequest confirmDisruption() {
            this.confirmed = true;
            return this;
        }

        /** A change that adds the address if missing; yields the link's addresses after apply. */
        public Change<List<LinkAddress>> present() {
            return AddressChange.of(host, ops, link, cidr, true, confirmed);
        }

        /** A change that removes the address if present; yields the link's addresses after apply. */
        public Change<List<LinkAddress>> absent() {
            return AddressChange.of(host, ops, link, cidr, false, confirmed);
        }
    }
}
