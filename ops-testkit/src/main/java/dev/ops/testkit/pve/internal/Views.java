package dev.ops.testkit.pve.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.testkit.pve.internal.Cluster.Storage;
import dev.ops.testkit.pve.internal.Cluster.Volume;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** How nodes, storages, tasks and guests (with their configs) look in answers, and privilege checks: shared by the endpoint groups. */
final class Views {
    private final Cluster cluster;
    private final Auth auth;
    private final ApiSchema schema;
    private final String fingerprint;

    Views(Cluster cluster, Auth auth, ApiSchema schema, String fingerprint) {
        this.fingerprint = fingerprint;
        this.cluster = cluster;
        this.auth = auth;
        this.schema = schema;
    }

    private static Map<String, Object> map(Object... kv) {
        return Handlers.map(kv);
    }

    // ---------------------------------------------------------------- shared renderings

    Map<String, Object> guestEntry(Guest g) {
        return guestEntry(g, diskBytes(g));
    }

    /** Disk bytes per guest in one pass over the volumes, for listings of many guests. */
    Map<Integer, Long> diskBytesByGuest() {
        Map<Integer, Long> out = new java.util.HashMap<>();
        for (Volume v : cluster.volumes) {
            if (v.vmid != null && !"backup".equals(v.content)) {
                out.merge(v.vmid, v.size, Long::sum);
            }
        }
        return out;
    }

    Map<String, Object> guestEntry(Guest g, long diskBytes) {
        boolean running = "running".equals(g.status);
        long maxmem = parseLong(g.config.getOrDefault("memory", g.qemu() ? "2048" : "512").split(",")[0].replace("current=", ""), 2048)
                << 20;
        int cpus = (int) parseLong(g.config.getOrDefault("cores", "1"), 1) * (int) parseLong(g.config.getOrDefault("sockets", "1"), 1);
        Map<String, Object> e = map("vmid", g.vmid, "name", g.name(), "status", g.status,
                "maxmem", maxmem, "mem", running ? maxmem / 4 : 0, "maxcpu", cpus, "cpu", running ? 0.02 : 0,
                "maxdisk", diskBytes, "disk", 0, "uptime", running ? Math.max(0, cluster.now() - g.startedAt) : 0,
                "netin", 0, "netout", 0, "diskread", 0, "diskwrite", 0, "template", g.template() ? 1 : 0);
        if (g.qemu()) {
            e.put("cpus", cpus);
        }
        if (g.config.containsKey("lock")) {
            e.put("lock", g.config.get("lock"));
        }
        if (g.config.containsKey("tags")) {
            e.put("tags", g.config.get("tags"));
        }
        if (g.pool != null) {
            e.put("pool", g.pool);
        }
        return e;
    }

    long diskBytes(Guest g) {
        long total = 0;
        for (Volume v : cluster.volumes) {
            if (v.vmid != null && v.vmid == g.vmid && !"backup".equals(v.content)) {
                total += v.size;
            }
        }
        return total;
    }

    static long parseLong(String s, long dflt) {
        try {
            return AsciiNumbers.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** Renders a config with integer/number/boolean keys typed as the create schema declares them. */
    Map<String, Object> typedConfig(String type, Map<String, String> cfg) {
        Endpoint create = schema.endpoint("POST", "/nodes/{node}/" + type).orElseThrow();
        Map<String, Object> out = new TreeMap<>();
        cfg.forEach((k, v) -> {
            JsonNode p = create.property(k);
            String t = p == null ? "string" : p.path("type").asText("string");
            Object value = v;
            try {
                if (t.equals("integer") || t.equals("boolean")) {
                    value = AsciiNumbers.parseLong(v);
                } else if (t.equals("number")) {
                    value = Double.parseDouble(v);
                }
            } catch (NumberFormatException e) {
                value = v;
            }
            out.put(k, value);
        });
        return out;
    }

    boolean can(Call c, String path, String priv) {
        return c.principal() == null || auth.privileges(c.principal(), path).contains(priv);
    }

    /** A LinkedHashMap from alternating keys and values. */
    Map<String, Object> nodeEntry(Cluster.Node n, boolean resource) {
        Map<String, Object> e = map("node", n.name, "status", n.online ? "online" : "offline", "cpu", 0.03,
                "maxcpu", 16, "mem", 8L << 30, "maxmem", 128L << 30, "disk", 10L << 30, "maxdisk", 100L << 30,
                "uptime", 86400L, "level", "", "id", "node/" + n.name, "type", "node");
        if (!resource) {
            e.put("ssl_fingerprint", fingerprint);
        }
        return e;
    }

    Map<String, Object> storageEntry(String node, Storage s) {
        long used = 0;
        for (Volume v : cluster.volumes(node, s.id)) {
            used += v.size;
        }
        return map("storage", s.id, "type", s.type, "plugintype", s.type, "content", String.join(",", s.content),
                "shared", s.shared ? 1 : 0, "active", 1, "enabled", 1, "status", "available",
                "total", s.total, "used", used, "avail", s.total - used, "used_fraction", (double) used / s.total,
                "disk", used, "maxdisk", s.total);
    }

    static Map<String, Object> taskEntry(Task t) {
        Map<String, Object> e = map("upid", t.upid, "node", t.node, "pid", t.pid, "pstart", t.pstart,
                "starttime", t.starttime, "type", t.type, "id", t.id, "user", t.user);
        if (!"running".equals(t.status)) {
            e.put("endtime", t.endtime);
            e.put("status", t.exitstatus);
        }
        return e;
    }

}
