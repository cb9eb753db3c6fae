package dev.ops.lab.site.internal;

import dev.ops.lab.site.SiteNode;
import dev.ops.net.Cidr;
import dev.ops.net.IpAddress;
import dev.ops.net.ipam.IpRange;
import dev.ops.net.ipam.NodeSubnet;
import dev.ops.net.ipam.Pool;
import dev.ops.core.error.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The nodes and address ranges of the seed's {@code naming-conventions.yml}: a list of nodes (one
 * {@code is_primary_template}) and, per node, {@code subnet}, {@code vm_range_start} and
 * {@code lxc_range_start}. The seed gives only where each range starts: a range runs up to the
 * address before the next range's start, the last one to the last host address of the subnet
 * (with the seed's 192.168.1.0/24, .100 and .200: VMs .100–.199, containers .200–.254, as its
 * documentation's table shows), and the gateway is the subnet's first host address (its table's
 * ".1") unless {@code gateway} is given.
 */
final class SeedNodes {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    private SeedNodes() {}

    /** Whether the naming file lists nodes (the seed's form), so that it can stand for the cluster section. */
    static boolean listed(Cursor naming) {
        return naming.present("nodes") || naming.present("ip_ranges");
    }

    /** The nodes the naming file lists, with their subnets; problems are reported where they are. */
    static List<SiteNode> read(Cursor naming) {
        List<Cursor> items = naming.items("nodes");
        Map<String, Boolean> primary = new LinkedHashMap<>();
        for (Cursor item : items) {
            item.allow("name", "is_primary_template");
            String name = item.required("name");
            if (!name.isEmpty() && !NAME.matcher(name).matches()) {
                item.child("name").problem("'" + name + "' is not a node name (lower-case letters, digits, inner hyphens)");
            } else if (primary.containsKey(name)) {
                item.child("name").problem("'" + name + "' is listed twice");
            } else if (!name.isEmpty()) {
                primary.put(name, item.bool("is_primary_template", false));
            }
        }
        long primaries = primary.values().stream().filter(p -> p).count();
        if (!items.isEmpty() && primaries != 1) {
            naming.child("nodes").problem("exactly one node must have is_primary_template: true, not " + primaries);
        }
        Cursor ranges = naming.child("ip_ranges");
        for (Cursor r : ranges.entries()) {
            if (!primary.containsKey(r.key())) {
                r.problem("'" + r.key() + "' is not one of the listed nodes (" + String.join(", ", primary.keySet()) + ")");
            }
        }
        List<SiteNode> out = new ArrayList<>();
        for (Map.Entry<String, Boolean> n : primary.entrySet()) {
            Cursor r = ranges.child(n.getKey());
            if (r.node().isNull()) {
                r.problem("node '" + n.getKey() + "' has no ip_ranges entry (subnet, vm_range_start, lxc_range_start)");
                continue;
            }
            subnet(r, n.getKey()).ifPresent(s -> out.add(new SiteNode(n.getKey(), s, n.getValue())));
        }
        for (int i = 0; i < out.size(); i++) {
            for (int j = 0; j < i; j++) {
                for (Map.Entry<Pool, IpRange> a : out.get(i).subnet().ranges().entrySet()) {
                    for (Map.Entry<Pool, IpRange> b : out.get(j).subnet().ranges().entrySet()) {
                        if (a.getValue().overlaps(b.getValue())) {
                            ranges.child(out.get(i).name()).child(a.getKey() == Pool.VM ? "vm_range_start" : "lxc_range_start")
                                    .problem("range " + a.getValue() + " overlaps " + out.get(j).name() + "'s " + b.getKey().configName()
                                            + " range " + b.getValue());
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Reports where the naming file's nodes and ranges disagree with the cluster section's. */
    static void checkAgainst(Cursor naming, List<SiteNode> cluster, String clusterFile) {
        List<SiteNode> listed = read(naming);
        Set<String> names = new java.util.TreeSet<>(cluster.stream().map(SiteNode::name).toList());
        Set<String> listedNames = new java.util.TreeSet<>(listed.stream().map(SiteNode::name).toList());
        if (!names.equals(listedNames)) {
            naming.child("nodes").problem("lists " + listedNames + " where the cluster section (" + clusterFile + ") has " + names);
            return;
        }
        for (SiteNode l : listed) {
            SiteNode c = cluster.stream().filter(x -> x.name().equals(l.name())).findFirst().orElseThrow();
            Cursor r = naming.child("ip_ranges").child(l.name());
            if (l.primary() != c.primary()) {
                naming.child("nodes").problem("names " + (l.primary() ? l.name() : "another node") + " the primary template node, the cluster section ("
                        + clusterFile + ") " + cluster.stream().filter(SiteNode::primary).map(SiteNode::name).findFirst().orElse("none"));
            }
            if (!l.subnet().cidr().equals(c.subnet().cidr())) {
                r.child("subnet").problem(l.subnet().cidr() + " differs from the cluster section's " + c.subnet().cidr() + " (" + clusterFile + ")");
            }
            for (Pool p : Pool.values()) {
                Optional<IpAddress> a = l.subnet().range(p).map(IpRange::first);
                Optional<IpAddress> b = c.subnet().range(p).map(IpRange::first);
                if (b.isPresent() && !a.equals(b)) {
                    r.child(p == Pool.VM ? "vm_range_start" : "lxc_range_start").problem(a.map(String::valueOf).orElse("(none)")
                            + " differs from the start of the cluster section's " + p.configName() + " range " + c.subnet().range(p).orElseThrow()
                            + " (" + clusterFile + ")");
                }
            }
        }
    }

    private static Optional<NodeSubnet> subnet(Cursor r, String node) {
        r.allow("subnet", "vm_range_start", "lxc_range_start", "gateway");
        String text = r.required("subnet");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Cidr> parsed = Cidr.tryParse(text);
        if (parsed.isEmpty()) {
            r.child("subnet").problem(Cidr.problem(text));
            return Optional.empty();
        }
        Cidr cidr = parsed.get();
        Map<IpAddress, Pool> starts = new TreeMap<>();
        for (Pool p : Pool.values()) {
            String key = p == Pool.VM ? "vm_range_start" : "lxc_range_start";
            String s = r.text(key, "");
            if (s.isEmpty()) {
                continue;
            }
            Optional<IpAddress> a = IpAddress.tryParse(s);
            if (a.isEmpty() || !cidr.contains(a.get())) {
                r.child(key).problem("'" + s + "' is not an address in " + cidr);
            } else if (starts.putIfAbsent(a.get(), p) != null) {
                r.child(key).problem(s + " is also where the other range starts");
            }
        }
        IpAddress lastHost = cidr.last().plus(-1);
        NodeSubnet.Builder b = NodeSubnet.builder().node(node).cidr(cidr);
        List<IpAddress> ordered = new ArrayList<>(starts.keySet());
        for (int i = 0; i < ordered.size(); i++) {
            IpAddress end = i + 1 < ordered.size() ? ordered.get(i + 1).plus(-1) : lastHost;
            b.range(starts.get(ordered.get(i)), new IpRange(ordered.get(i), end));
        }
        String gw = r.text("gateway", "");
        if (gw.isEmpty()) {
            b.gateway(cidr.first().plus(1));
        } else if (IpAddress.tryParse(gw).isEmpty()) {
            r.child("gateway").problem("'" + gw + "' is not an IP address");
        } else {
            b.gateway(IpAddress.parse(gw));
        }
        NodeSubnet subnet = b.build();
        for (Violation v : subnet.problems()) {
            String key = v.field().equals("vms") ? "vm_range_start" : v.field().equals("containers") ? "lxc_range_start"
                    : v.field().equals("cidr") ? "subnet" : v.field();
            (r.present(key) ? r.child(key) : r).problem(v.message());
        }
        return Optional.of(subnet);
    }
}
