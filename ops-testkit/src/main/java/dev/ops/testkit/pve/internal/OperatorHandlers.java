package dev.ops.testkit.pve.internal;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.testkit.pve.internal.Cluster.Storage;
import dev.ops.testkit.pve.internal.Cluster.Volume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The calls operators use beyond guests and storage: node version, HA status (with a round of the HA
 * manager acting on the HA rules, PVE 9), RRD data, cluster
 * and node firewall options (stored, and shown in the node's answers), cluster join information,
 * and moving a disk to another storage. Every handler runs while holding the cluster monitor.
 */
final class OperatorHandlers extends HandlerSection {
    private static final Set<String> NOT_STORED = Set.of("delete", "digest", "node");
    private static final Map<String, Integer> TIMEFRAMES = Map.of("hour", 60, "day", 1440, "week", 10080, "month", 43200, "year", 525600);

    OperatorHandlers(Cluster cluster, Views views) {
        super(cluster, views);
    }

    @Override
    void routes() {
        on("GET", "/nodes/{node}/version", c -> {
            cluster.node(c.node());
            return map("version", cluster.pveVersion, "release", cluster.pveVersion.substring(0, cluster.pveVersion.lastIndexOf('.')), "repoid", "d7a4b1a2c3e5f6a7");
        });
        on("GET", "/cluster/ha/status/current", c -> haStatus());
        on("GET", "/nodes/{node}/rrddata", c -> {
            cluster.node(c.node());
            return rrd(c.req("timeframe"), true);
        });
        for (String type : List.of("qemu", "lxc")) {
            on("GET", "/nodes/{node}/" + type + "/{vmid}/rrddata", c -> {
                cluster.guest(c.node(), type, c.integer("vmid"));
                return rrd(c.req("timeframe"), false);
            });
        }
        on("GET", "/cluster/firewall/options", c -> options(cluster.clusterFirewall, Map.of("enable", "0", "policy_in", "DROP",
                "policy_out", "ACCEPT", "policy_forward", "ACCEPT", "ebtables", "1")));
        on("PUT", "/cluster/firewall/options", c -> update(cluster.clusterFirewall, c));
        on("GET", "/nodes/{node}/firewall/options", c -> {
            cluster.node(c.node());
            return options(cluster.nodeFirewall.computeIfAbsent(c.node(), n -> new LinkedHashMap<>()), Map.of("enable", "1"));
        });
        on("PUT", "/nodes/{node}/firewall/options", c -> {
            cluster.node(c.node());
            return update(cluster.nodeFirewall.computeIfAbsent(c.node(), n -> new LinkedHashMap<>()), c);
        });
        on("GET", "/cluster/config/join", c -> {
            if (!cluster.clustered()) {
                throw ApiError.die("node is not in a cluster, no join info available!");
            }
            List<Object> nodes = new ArrayList<>();
            for (Cluster.Node n : cluster.nodes.values()) {
                nodes.add(map("name", n.name, "nodeid", n.nodeid, "quorum_votes", 1, "pve_addr", n.ip, "ring0_addr", n.ip,
                        "pve_fp", fingerprint(n.name)));
            }
            Cluster.Node first = cluster.nodes.values().iterator().next();
            return map("nodelist", nodes, "preferred_node", first.name, "config_digest", Integer.toHexString(nodes.hashCode()),
                    "totem", map("cluster_name", cluster.clusterName, "config_version", String.valueOf(cluster.nodes.size()),
                            "ip_version", "ipv4-6", "secauth", "on", "version", "2", "interface", map("0", map("linknumber", "0"))));
        });
        on("POST", "/nodes/{node}/qemu/{vmid}/move_disk", c -> move(c, "qemu", c.req("disk")));
        on("POST", "/nodes/{node}/lxc/{vmid}/move_volume", c -> move(c, "lxc", c.req("volume")));
    }

    private List<Object> haStatus() {
        place();
        List<Object> out = new ArrayList<>();
        String master = cluster.nodes.keySet().iterator().next();
        out.add(map("id", "quorum", "type", "quorum", "node", master, "status", "OK", "quorate", 1));
        out.add(map("id", "master", "type", "master", "node", master, "status", master + " (active, " + cluster.now() + ")"));
        for (Cluster.Node n : cluster.nodes.values()) {
            boolean active = cluster.haResources.keySet().stream().anyMatch(sid -> nodeOf(sid).equals(n.name));
            out.add(map("id", "lrm:" + n.name, "type", "lrm", "node", n.name,
                    "status", n.name + " (" + (active ? "active" : "idle") + ", " + cluster.now() + ")"));
        }
        cluster.haResources.forEach((sid, conf) -> {
            String requested = conf.getOrDefault("state", "started");
            Guest g = cluster.guests.get(AsciiNumbers.parseInt(sid.substring(sid.indexOf(':') + 1)));
            String state = g == null ? "error" : switch (requested) {
                case "started" -> "started";
                case "stopped", "disabled" -> "stopped";
                case "ignored" -> "ignored";
                default -> requested;
            };
            out.add(map("id", "service:" + sid, "type", "service", "sid", sid, "node", nodeOf(sid), "state", state,
                    "request_state", requested, "crm_state", state, "max_restart", AsciiNumbers.parseInt(conf.getOrDefault("max_restart", "1")),
                    "max_relocate", AsciiNumbers.parseInt(conf.getOrDefault("max_relocate", "1")),
                    "status", state + " (" + nodeOf(sid) + ", request_state=" + requested + ")"));
        });
        return out;
    }

    /**
     * One round of the HA manager: a started resource is moved to the online node of the highest
     * priority its node-affinity rules name ({@code pve2:2,pve1}: pve2 while it is online), and resources of a negative
     * resource-affinity rule are spread over different nodes. Disabled rules are skipped.
     */
    private void place() {
        Map<String, Map<String, String>> rules = cluster.configEntries.getOrDefault("/cluster/ha/rules", Map.of());
        for (Map<String, String> rule : rules.values()) {
            if ("1".equals(rule.get("disable"))) {
                continue;
            }
            List<String> resources = List.of(rule.getOrDefault("resources", "").split("[,;\\s]+"));
            if ("node-affinity".equals(rule.get("type"))) {
                String best = bestNode(rule.getOrDefault("nodes", ""));
                for (String sid : resources) {
                    Guest g = started(sid);
                    String nodes = rule.getOrDefault("nodes", "");
                    if (g != null && best != null && priority(nodes, best) > priority(nodes, g.node)) {
                        g.node = best;
                    }
                }
            } else if ("resource-affinity".equals(rule.get("type")) && "negative".equals(rule.get("affinity"))) {
                java.util.Set<String> used = new java.util.HashSet<>();
                for (String sid : resources) {
                    Guest g = started(sid);
                    if (g == null) {
                        continue;
                    }
                    if (!used.add(g.node)) {
                        cluster.nodes.values().stream().filter(n -> n.online && !used.contains(n.name)).findFirst().ifPresent(n -> {
                            g.node = n.name;
                            used.add(n.name);
                        });
                    }
                }
            }
        }
    }

    private Guest started(String sid) {
        Map<String, String> conf = cluster.haResources.get(sid);
        if (conf == null || !"started".equals(conf.getOrDefault("state", "started"))) {
            return null;
        }
        return cluster.guests.get(AsciiNumbers.parseInt(sid.substring(sid.indexOf(':') + 1)));
    }

    /** A node's priority in a node list; below every listed one when it is not listed. */
    private static int priority(String nodes, String node) {
        for (String n : nodes.split(",")) {
            String name = n.contains(":") ? n.substring(0, n.indexOf(':')) : n;
            if (name.equals(node)) {
                return n.contains(":") ? AsciiNumbers.parseInt(n.substring(n.indexOf(':') + 1)) : 0;
            }
        }
        return Integer.MIN_VALUE;
    }

    /** The online node of the highest priority in a node list ({@code pve2:2,pve1}; no priority is 0). */
    private String bestNode(String nodes) {
        String best = null;
        int bestPriority = Integer.MIN_VALUE;
        for (String n : nodes.split(",")) {
            if (n.isBlank()) {
                continue;
            }
            String name = n.contains(":") ? n.substring(0, n.indexOf(':')) : n;
            int priority = n.contains(":") ? AsciiNumbers.parseInt(n.substring(n.indexOf(':') + 1)) : 0;
            Cluster.Node node = cluster.nodes.get(name);
            if (node != null && node.online && priority > bestPriority) {
                best = name;
                bestPriority = priority;
            }
        }
        return best;
    }

    private String nodeOf(String sid) {
        Guest g = cluster.guests.get(AsciiNumbers.parseInt(sid.substring(sid.indexOf(':') + 1)));
        return g == null ? cluster.nodes.keySet().iterator().next() : g.node;
    }

    /** A steady series of points, one per minute-step of the timeframe, as RRD answers it (70 points). */
    private List<Object> rrd(String timeframe, boolean node) {
        Integer minutes = TIMEFRAMES.get(timeframe);
        if (minutes == null) {
            throw ApiError.param("timeframe", "value '" + timeframe + "' does not have a value in the enumeration 'hour, day, week, month, year'");
        }
        long step = minutes * 60L / 70;
        long end = cluster.now() / step * step;
        List<Object> out = new ArrayList<>();
        for (int i = 69; i >= 0; i--) {
            Map<String, Object> p = new TreeMap<>();
            p.put("time", end - i * step);
            p.put("cpu", 0.05 + (i % 7) / 100.0);
            p.put("netin", 1000.0 + i);
            p.put("netout", 500.0 + i);
            if (node) {
                p.put("loadavg", 0.3);
                p.put("memused", 2.0e9);
                p.put("memtotal", 8.0e9);
                p.put("rootused", 5.0e9);
                p.put("roottotal", 3.2e10);
            } else {
                p.put("mem", 5.0e8);
                p.put("maxmem", 2.0e9);
                p.put("diskread", 0.0);
                p.put("diskwrite", 100.0);
            }
            out.add(p);
        }
        return out;
    }

    private static Map<String, Object> options(Map<String, String> set, Map<String, String> defaults) {
        Map<String, Object> out = new TreeMap<>(defaults);
        out.putAll(set);
        out.put("digest", Integer.toHexString(set.hashCode()));
        return out;
    }

    private static Object update(Map<String, String> set, Call c) {
        if (c.has("digest") && !c.get("digest").equals(Integer.toHexString(set.hashCode()))) {
            throw ApiError.die("detected modified configuration - file changed by other user? Try again.");
        }
        c.params().forEach((k, v) -> {
            if (!NOT_STORED.contains(k)) {
                set.put(k, v);
            }
        });
        if (c.has("delete")) {
            for (String k : c.get("delete").split("[,;\\s]+")) {
                set.remove(k);
            }
        }
        return null;
    }

    static String fingerprint(String node) {
        StringBuilder fp = new StringBuilder();
        int h = node.hashCode();
        for (int i = 0; i < 32; i++) {
            fp.append(i == 0 ? "" : ":").append(String.format("%02X", (h >>> (i % 4 * 8)) & 0xff ^ i));
        }
        return fp.toString();
    }

    /** Moves a guest's disk (or container volume) to another storage, as a task; with {@code delete=1} the source is removed. */
    private Object move(Call c, String type, String disk) {
        Guest g = cluster.guest(c.node(), type, c.integer("vmid"));
        g.checkLock();
        if (c.has("target-vmid")) {
            throw ApiError.die("moving a disk to another guest is not acted out by the fake");
        }
        String value = g.config.get(disk);
        if (value == null) {
            throw ApiError.die("disk '" + disk + "' does not exist");
        }
        Storage target = cluster.storage(c.req("storage"));
        String volid = value.split(",", 2)[0];
        String from = volid.substring(0, volid.indexOf(':'));
        if (from.equals(target.id)) {
            throw ApiError.die("unable to move disk '" + disk + "' - already on storage '" + target.id + "'");
        }
        if (!target.content.contains("qemu".equals(type) ? "images" : "rootdir")) {
            throw ApiError.die("storage '" + target.id + "' does not support content-type 'images'");
        }
        if ("running".equals(g.status) && "lxc".equals(type)) {
            throw ApiError.die("cannot move volumes of a running container");
        }
        String newVolid = target.id + ":" + volid.substring(volid.indexOf(':') + 1);
        Task t = cluster.startTask(c.node(), "qemu".equals(type) ? "qmmove" : "move_volume", String.valueOf(g.vmid), c.user());
        t.log("moving " + disk + " from " + from + " to " + target.id);
        t.onSuccess(() -> {
            g.config.put(disk, newVolid + value.substring(volid.length()));
            if (!c.flag("delete", false)) {
                g.config.put(nextUnused(g), volid);
            } else {
                cluster.volumes.removeIf(v -> v.volid.equals(volid));
            }
            cluster.volumes.add(new Volume(newVolid, target.id, g.node, "images", "raw", 8L << 30, g.vmid, cluster.now()));
        });
        return cluster.schedule(t);
    }

    private static String nextUnused(Guest g) {
        for (int i = 0; ; i++) {
            if (!g.config.containsKey("unused" + i)) {
                return "unused" + i;
            }
        }
    }
}
