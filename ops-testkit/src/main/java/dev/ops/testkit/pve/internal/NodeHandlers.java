package dev.ops.testkit.pve.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A node's endpoints: the node list, status and network. Every handler runs while holding the cluster monitor.
 */
final class NodeHandlers extends HandlerSection {


    NodeHandlers(Cluster cluster, Views views) {
        super(cluster, views);
    }

    @Override
    void routes() {
        registerNodes();
    }

    // ---------------------------------------------------------------- nodes

    private void registerNodes() {
        on("GET", "/nodes", c -> {
            List<Object> out = new ArrayList<>();
            for (Cluster.Node n : cluster.nodes.values()) {
                if (views.can(c, "/nodes/" + n.name, "Sys.Audit")) {
                    out.add(views.nodeEntry(n, false));
                }
            }
            return out;
        });
        on("GET", "/nodes/{node}/status", c -> {
            Cluster.Node n = cluster.node(c.node());
            long mem = 128L << 30;
            return map("uptime", 86400L, "idle", 0, "cpu", 0.03, "wait", 0.0,
                    "loadavg", List.of("0.10", "0.08", "0.05"),
                    "memory", map("total", mem, "used", 8L << 30, "free", mem - (8L << 30), "available", mem - (8L << 30)),
                    "swap", map("total", 0, "used", 0, "free", 0),
                    "rootfs", map("total", 100L << 30, "used", 10L << 30, "free", 90L << 30, "avail", 90L << 30),
                    "cpuinfo", map("model", "Fake CPU @ 3.00GHz", "cpus", 16, "sockets", 1, "cores", 8, "mhz", "3000.000",
                            "hvm", "1", "flags", "fpu vme sse sse2 vmx"),
                    "kversion", "Linux 6.14.8-2-pve #1 SMP PREEMPT_DYNAMIC PMX 6.14.8-2",
                    "pveversion", "pve-manager/" + cluster.pveVersion + "/d7a4b1a2c3e5f6a7",
                    "current-kernel", map("sysname", "Linux", "release", "6.14.8-2-pve", "machine", "x86_64",
                            "version", "#1 SMP PREEMPT_DYNAMIC PMX 6.14.8-2"),
                    "boot-info", map("mode", "efi", "secureboot", 0),
                    "ksm", map("shared", 0),
                    "nodename", n.name);
        });
        on("GET", "/nodes/{node}/network", c -> {
            Cluster.Node n = cluster.node(c.node());
            Map<String, Map<String, Object>> shown = network(n, true);
            String type = c.get("type");
            List<Object> out = new ArrayList<>();
            for (Map<String, Object> i : shown.values()) {
                String t = String.valueOf(i.get("type"));
                if (type == null || type.equals(t) || type.startsWith("any_") && t.equals("bridge")) {
                    out.add(new java.util.LinkedHashMap<>(i));
                }
            }
            Map<String, Map<String, Object>> staged = cluster.stagedNetwork.get(n.name);
            return staged == null ? out : new Handlers.Enveloped(out, Map.of("changes", diff(network(n, false), staged)));
        });
        on("GET", "/nodes/{node}/network/{iface}", c -> {
            Map<String, Object> i = network(cluster.node(c.node()), true).get(c.req("iface"));
            if (i == null) {
                throw ApiError.die("interface does not exist");
            }
            return new java.util.LinkedHashMap<>(i);
        });
        on("POST", "/nodes/{node}/network", c -> {
            Map<String, Map<String, Object>> staged = stage(cluster.node(c.node()));
            String iface = c.req("iface");
            if (staged.containsKey(iface)) {
                throw ApiError.die("interface already exists");
            }
            staged.put(iface, iface(c, null));
            return null;
        });
        on("PUT", "/nodes/{node}/network/{iface}", c -> {
            Map<String, Map<String, Object>> staged = stage(cluster.node(c.node()));
            Map<String, Object> old = staged.get(c.req("iface"));
            if (old == null) {
                throw ApiError.die("interface does not exist");
            }
            staged.put(c.req("iface"), iface(c, old));
            return null;
        });
        on("DELETE", "/nodes/{node}/network/{iface}", c -> {
            Map<String, Map<String, Object>> staged = stage(cluster.node(c.node()));
            if (staged.remove(c.req("iface")) == null) {
                throw ApiError.die("interface does not exist");
            }
            return null;
        });
        on("PUT", "/nodes/{node}/network", c -> {
            Cluster.Node n = cluster.node(c.node());
            Map<String, Map<String, Object>> staged = cluster.stagedNetwork.remove(n.name);
            Task t = cluster.startTask(n.name, "srvreload", "networking", c.user());
            if (staged != null) {
                cluster.liveNetwork.put(n.name, staged);
                t.log("applying the staged network configuration (ifreload -a)");
            }
            return cluster.schedule(t);
        });
        on("DELETE", "/nodes/{node}/network", c -> {
            cluster.stagedNetwork.remove(cluster.node(c.node()).name);
            return null;
        });
    }


    /** The node's interfaces: the staged ones while changes are pending (when {@code staged}), else the live ones. */
    private Map<String, Map<String, Object>> network(Cluster.Node n, boolean staged) {
        Map<String, Map<String, Object>> live = cluster.liveNetwork.computeIfAbsent(n.name, k -> {
            Map<String, Map<String, Object>> m = new java.util.LinkedHashMap<>();
            m.put("eno1", new java.util.LinkedHashMap<>(map("iface", "eno1", "type", "eth", "active", 1, "autostart", 1, "exists", 1,
                    "method", "manual", "method6", "manual", "families", List.of("inet"), "priority", 1)));
            m.put("vmbr0", new java.util.LinkedHashMap<>(map("iface", "vmbr0", "type", "bridge", "active", 1, "autostart", 1,
                    "method", "static", "method6", "manual", "families", List.of("inet"), "priority", 2,
                    "address", n.ip, "netmask", "24", "cidr", n.ip + "/24", "gateway", "192.0.2.1",
                    "bridge_ports", "eno1", "bridge_stp", "off", "bridge_fd", "0", "bridge_vlan_aware", 1)));
            return m;
        });
        return staged && cluster.stagedNetwork.containsKey(n.name) ? cluster.stagedNetwork.get(n.name) : live;
    }

    /** The staged interfaces, copied from the live ones when nothing was pending. */
    private Map<String, Map<String, Object>> stage(Cluster.Node n) {
        Map<String, Map<String, Object>> live = network(n, false);
        return cluster.stagedNetwork.computeIfAbsent(n.name, k -> {
            Map<String, Map<String, Object>> copy = new java.util.LinkedHashMap<>();
            live.forEach((name, i) -> copy.put(name, new java.util.LinkedHashMap<>(i)));
            return copy;
        });
    }

    /** An interface from a create or update call, over {@code old}'s settings (an update) or none. */
    private static Map<String, Object> iface(Call c, Map<String, Object> old) {
        Map<String, Object> i = old == null ? new java.util.LinkedHashMap<>() : new java.util.LinkedHashMap<>(old);
        c.params().forEach((k, v) -> {
            if (!java.util.Set.of("node", "delete", "digest").contains(k)) {
                i.put(k, v);
            }
        });
        if (c.has("delete")) {
            for (String k : c.get("delete").split("[,;\\s]+")) {
                i.remove(k);
            }
        }
        if (c.has("cidr")) {
            String[] parts = c.get("cidr").split("/");
            i.put("address", parts[0]);
            i.put("netmask", parts.length > 1 ? parts[1] : "24");
        }
        i.putIfAbsent("method", i.containsKey("address") || i.containsKey("cidr") ? "static" : "manual");
        i.putIfAbsent("families", List.of("inet"));
        i.put("active", 0);
        i.put("exists", "eth".equals(i.get("type")) ? 1 : 0);
        i.putIfAbsent("autostart", 0);
        return i;
    }

    /** The pending changes as PVE shows them: a diff of the two interfaces files, one stanza per interface. */
    private static String diff(Map<String, Map<String, Object>> live, Map<String, Map<String, Object>> staged) {
        StringBuilder d = new StringBuilder("--- /etc/network/interfaces\n+++ /etc/network/interfaces.new\n");
        java.util.Set<String> names = new java.util.TreeSet<>(live.keySet());
        names.addAll(staged.keySet());
        for (String name : names) {
            Map<String, Object> a = live.get(name);
            Map<String, Object> b = staged.get(name);
            if (a != null && a.equals(b)) {
                continue;
            }
            if (a != null) {
                d.append("-iface ").append(name).append(' ').append(a.get("type")).append(settings(a)).append('\n');
            }
            if (b != null) {
                d.append("+iface ").append(name).append(' ').append(b.get("type")).append(settings(b)).append('\n');
            }
        }
        return d.toString();
    }

    private static String settings(Map<String, Object> i) {
        StringBuilder s = new StringBuilder();
        for (String k : List.of("address", "netmask", "gateway", "bridge_ports", "vlan-raw-device", "vlan-id", "slaves", "bond_mode", "mtu")) {
            if (i.containsKey(k)) {
                s.append(' ').append(k).append('=').append(i.get(k));
            }
        }
        return s.toString();
    }
}
