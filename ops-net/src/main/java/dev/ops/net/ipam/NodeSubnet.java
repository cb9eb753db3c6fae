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
 * @param node the node name
 * @param cidr the network (host bits zero)
 * @param gateway the router's address, never handed out
 * @param ranges the range of each pool
 */
public record NodeSubnet(String node, Cidr cidr, Optional<IpAddress> gateway, Map<Pool, IpRange> ranges) {

    public NodeSubnet {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(cidr, "cidr");
        Objects.requireNonNull(gateway, "gateway");
        ranges = ranges.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(ranges));
    }

    /** A subnet without ranges yet; a {@code ValidationException} when the CIDR or gateway does not parse. */
    public static NodeSubnet of(String node, String cidr, String gateway) {
        Violations v = Violations.of("subnet of " + node);
        v.check(Cidr.tryParse(cidr).isPresent(), "cidr", Cidr.problem(cidr));
        v.check(gateway == null || IpAddress.tryParse(gateway).isPresent(), "gateway", "'" + gateway + "' is not an IP address");
        v.throwIfAny();
        return new NodeSubnet(node, Cidr.parse(cidr), Optional.ofNullable(gateway).map(IpAddress::parse), Map.of());
    }

    /** This subnet with {@code pool} taking addresses from {@code range} ({@code FIRST-LAST}). */
    public NodeSubnet withRange(Pool pool, String range) {
        Map<Pool, IpRange> m = new EnumMap<>(Pool.class);
        m.putAll(ranges);
        m.put(pool, IpRange.parse(range));
        return new NodeSubnet(node, cidr, gateway, m);
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
        gateway.ifPresent(g -> {
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
}
