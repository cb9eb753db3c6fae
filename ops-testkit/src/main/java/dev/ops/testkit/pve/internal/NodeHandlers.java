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
                    "pveversion", "pve-manager/9.1.9/d7a4b1a2c3e5f6a7",
                    "current-kernel", map("sysname", "Linux", "release", "6.14.8-2-pve", "machine", "x86_64",
                            "version", "#1 SMP PREEMPT_DYNAMIC PMX 6.14.8-2"),
                    "boot-info", map("mode", "efi", "secureboot", 0),
                    "ksm", map("shared", 0),
                    "nodename", n.name);
        });
        on("GET", "/nodes/{node}/network", c -> {
            Cluster.Node n = cluster.node(c.node());
            List<Object> out = new ArrayList<>();
            Map<String, Object> eth = map("iface", "eno1", "type", "eth", "active", 1, "autostart", 1, "exists", 1,
                    "method", "manual", "method6", "manual", "families", List.of("inet"), "priority", 1);
            Map<String, Object> bridge = map("iface", "vmbr0", "type", "bridge", "active", 1, "autostart", 1,
                    "method", "static", "method6", "manual", "families", List.of("inet"), "priority", 2,
                    "address", n.ip, "netmask", "24", "cidr", n.ip + "/24", "gateway", "192.0.2.1",
                    "bridge_ports", "eno1", "bridge_stp", "off", "bridge_fd", "0", "bridge_vlan_aware", 1);
            String type = c.get("type");
            if (type == null || type.equals("eth")) {
                out.add(eth);
            }
            if (type == null || type.equals("bridge") || type.equals("any_bridge") || type.equals("any_local_bridge")) {
                out.add(bridge);
            }
            return out;
        });
    }

}
