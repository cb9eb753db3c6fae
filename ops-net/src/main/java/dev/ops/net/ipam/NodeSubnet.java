package dev.ops.net.ipam;

import dev.ops.core.error.Violation;
import dev.ops.core.error.Violations;
import dev.ops.net.Cidr;
import dev.ops.net.IpAddress;
import dev.ops.net.IpFamily;
import dev.ops.core.text.HostNames;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One node's subnet: the network, its gateway, and the ranges VMs and containers get addresses from.
 *
 * <pre>{@code
 * NodeSubnet s = NodeSubnet.of("node-02", "192.168.2.0/24", "192.168.2.1")
 *         .withRange(Pool.VM, "192.168.2.100-192.168.2.199")
 *         .withRange(Pool.CONTAINER, "192.168.2.200-192.168.2.254");
 * }</pre>
 *
 * <p>A value: built with {@link #of}, {@link #withRange} or {@link #builder()}, where an absent gateway is simply
 * not set; {@code equals}, {@code hashCode} and {@code toString} go by the properties.
 */
public final class NodeSubnet {
    private final String node;
    private final Cidr cidr;
    private final IpAddress gateway;
    private final Map<Pool, IpRange> ranges;

    private NodeSubnet(String node, Cidr cidr, IpAddress gateway, Map<Pool, IpRange> ranges) {
        this.node = Objects.requireNonNull(node, "node");
        this.cidr = Objects.requireNonNull(cidr, "cidr");
        this.gateway = gateway;
        this.ranges = ranges.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(ranges));
    }

    /** A builder; node and cidr are required, the gateway and ranges optional. */
    public static Builder builder() {
        return new Builder();
    }

    /** A subnet without a gateway or ranges yet; a {@code ValidationException} when the CIDR does not parse. */
    public static NodeSubnet of(String node, String cidr) {
        Violations v = Violations.of("subnet of " + node);
        v.check(Cidr.tryParse(cidr).isPresent(), "cidr", Cidr.problem(cidr));
        v.throwIfAny();
        return new NodeSubnet(node, Cidr.parse(cidr), null, Map.of());
    }

    /** A subnet without ranges yet; a {@code ValidationException} when the CIDR or gateway does not parse. */
    public static NodeSubnet of(String node, String cidr, String gateway) {
        Objects.requireNonNull(gateway, "gateway");
        Violations v = Violations.of("subnet of " + node);
        v.check(Cidr.tryParse(cidr).isPresent(), "cidr", Cidr.problem(cidr));
        v.check(IpAddress.tryParse(gateway).isPresent(), "gateway", "'" + gateway + "' is not an IP address");
        v.throwIfAny();
        return new NodeSubnet(node, Cidr.parse(cidr), IpAddress.parse(gateway), Map.of());
    }

    /** This subnet with {@code pool} taking addresses from {@code range} ({@code FIRST-LAST}). */
    public NodeSubnet withRange(Pool pool, String range) {
        Map<Pool, IpRange> m = new EnumMap<>(Pool.class);
        m.putAll(ranges);
        m.put(pool, IpRange.parse(range));
        return new NodeSubnet(node, cidr, gateway, m);
    }

    /** The node name. */
    public String node() {
        return node;
    }

    /** The network (host bits zero). */
    public Cidr cidr() {
        return cidr;
    }

    /** The router's address, never handed out. */
    public Optional<IpAddress> gateway() {
        return Optional.ofNullable(gateway);
    }

    /** The range of each pool. */
    public Map<Pool, IpRange> ranges() {
        return ranges;
    }

    /** The address family. */
    public IpFamily family() {
        return cidr.family();
    }

    /** The range of {@code pool}, if it has one. */
    public Optional<IpRange> range(Pool pool) {
        return Optional.ofNullable(ranges.get(pool));
    }

    /** Every problem with this subnet (empty when it is sound). */
    public List<Violation> problems() {
        List<Violation> out = new ArrayList<>();
        if (!HostNames.isValidLabel(node)) {
            out.add(new Violation("node", "'" + node + "' is not an RFC 1123 host name label"));
        }
        if (!cidr.isNetwork()) {
            out.add(new Violation("cidr", cidr + " has host bits set; the network is " + cidr.network()));
        }
        gateway().ifPresent(g -> {
            if (!cidr.contains(g)) {
                out.add(new Violation("gateway", g + " is outside " + cidr));
            }
            ranges.forEach((p, r) -> {
                if (r.contains(g)) {
                    out.add(new Violation("gateway", g + " lies in the " + p.configName() + " range " + r));
                }
            });
        });
        List<Map.Entry<Pool, IpRange>> list = new ArrayList<>(ranges.entrySet());
        list.sort(Map.Entry.comparingByKey());
        for (int i = 0; i < list.size(); i++) {
            Pool p = list.get(i).getKey();
            IpRange r = list.get(i).getValue();
            if (!cidr.contains(r.first()) || !cidr.contains(r.last())) {
                out.add(new Violation(p.configName(), "range " + r + " is not inside " + cidr));
            } else if (family() == IpFamily.IPV4 && cidr.prefix() < 31 && (r.contains(cidr.first()) || r.contains(cidr.last()))) {
                out.add(new Violation(p.configName(), "range " + r + " includes the network or broadcast address of " + cidr));
            }
            for (int j = i + 1; j < list.size(); j++) {
                if (r.overlaps(list.get(j).getValue())) {
                    out.add(new Violation(p.configName(), "range " + r + " overlaps the " + list.get(j).getKey().configName()
                            + " range " + list.get(j).getValue()));
                }
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof NodeSubnet s && node.equals(s.node) && cidr.equals(s.cidr) && Objects.equals(gateway, s.gateway)
                && ranges.equals(s.ranges);
    }

    @Override
    public int hashCode() {
        return Objects.hash(node, cidr, gateway, ranges);
    }

    @Override
    public String toString() {
        return "NodeSubnet[node=" + node + ", cidr=" + cidr + (gateway == null ? "" : ", gateway=" + gateway) + ", ranges="
                + new java.util.TreeMap<>(ranges) + "]";
    }

    /** Builds a {@link NodeSubnet}; every setter takes a present value. */
    public static final class Builder {
        private String node;
        private Cidr cidr;
        private IpAddress gateway;
        private final Map<Pool, IpRange> ranges = new EnumMap<>(Pool.class);

        private Builder() {}

        public Builder node(String node) {
            this.node = Objects.requireNonNull(node, "node");
            return this;
        }

        public Builder cidr(Cidr cidr) {
            this.cidr = Objects.requireNonNull(cidr, "cidr");
            return this;
        }

        public Builder gateway(IpAddress gateway) {
            this.gateway = Objects.requireNonNull(gateway, "gateway");
            return this;
        }

        public Builder range(Pool pool, IpRange range) {
            ranges.put(Objects.requireNonNull(pool, "pool"), Objects.requireNonNull(range, "range"));
            return this;
        }

        public Builder ranges(Map<Pool, IpRange> ranges) {
            ranges.forEach(this::range);
            return this;
        }

        public NodeSubnet build() {
            return new NodeSubnet(node, cidr, gateway, ranges);
        }
    }
}
