package dev.ops.testkit.pve.internal;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.testkit.pve.internal.Cluster.Storage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cluster's own endpoints: version, status, next free VMID, resources, cluster tasks and HA resources. Every handler runs while holding the cluster monitor.
 */
final class ClusterHandlers extends HandlerSection {
    private static final Pattern LIST_SPLIT = Pattern.compile("[,;\\s]+");


    ClusterHandlers(Cluster cluster, Views views) {
        super(cluster, views);
    }

    @Override
    void routes() {
        registerCluster();
    }

    // ---------------------------------------------------------------- cluster

    private void registerCluster() {
        on("GET", "/version", c -> map("version", cluster.pveVersion, "release", cluster.pveVersion.substring(0, cluster.pveVersion.lastIndexOf('.')), "repoid", "d7a4b1a2c3e5f6a7"));
        on("GET", "/cluster/status", c -> {
            List<Object> out = new ArrayList<>();
            if (cluster.clustered()) {
                out.add(map("type", "cluster", "id", "cluster", "name", cluster.clusterName, "nodes", cluster.nodes.size(),
                        "quorate", 1, "version", cluster.nodes.size() + 1));
            }
            boolean first = true;
            for (Cluster.Node n : cluster.nodes.values()) {
                out.add(map("type", "node", "id", "node/" + n.name, "name", n.name, "nodeid", n.nodeid, "ip", n.ip,
                        "online", n.online ? 1 : 0, "local", first ? 1 : 0, "level", ""));
                first = false;
            }
            return out;
        });
        on("GET", "/cluster/nextid", c -> {
            if (c.has("vmid")) {
                int id = c.integer("vmid");
                if (cluster.guests.containsKey(id)) {
                    throw ApiError.param("vmid", "VM " + id + " already exists");
                }
                return String.valueOf(id);
            }
            return String.valueOf(cluster.nextId());
        });
        onCacheable("/cluster/resources", c -> {
            String type = c.get("type");
            List<Object> out = new ArrayList<>();
            if (type == null || "node".equals(type)) {
                for (Cluster.Node n : cluster.nodes.values()) {
                    if (views.can(c, "/nodes/" + n.name, "Sys.Audit")) {
                        out.add(views.nodeEntry(n, true));
                    }
                }
            }
            if (type == null || "vm".equals(type)) {
                Map<Integer, Long> disks = views.diskBytesByGuest();
                for (Guest g : cluster.guests.values()) {
                    if (views.can(c, "/vms/" + g.vmid, "VM.Audit")) {
                        Map<String, Object> e = views.guestEntry(g, disks.getOrDefault(g.vmid, 0L));
                        e.remove("cpus"); // only the node's guest list has it
                        e.put("id", g.type + "/" + g.vmid);
                        e.put("type", g.type);
                        e.put("node", g.node);
                        Map<String, String> ha = cluster.haResources.get((g.qemu() ? "vm:" : "ct:") + g.vmid);
                        if (ha != null) {
                            e.put("hastate", ha.getOrDefault("state", "started"));
                        }
                        out.add(e);
                    }
                }
            }
            if (type == null) {
                for (String id : cluster.pools.keySet()) {
                    if (views.can(c, "/pool/" + id, "Pool.Audit")) {
                        out.add(map("id", "pool/" + id, "type", "pool", "pool", id));
                    }
                }
            }
            if (type == null || "storage".equals(type)) {
                for (Cluster.Node n : cluster.nodes.values()) {
                    for (Storage s : cluster.storages.values()) {
                        if (views.can(c, "/storage/" + s.id, "Datastore.Audit")) {
                            Map<String, Object> e = views.storageEntry(n.name, s);
                            e.put("id", "storage/" + n.name + "/" + s.id);
                            e.put("type", "storage");
                            e.put("node", n.name);
                            out.add(e);
                        }
                    }
                }
            }
            return out;
        });
        on("GET", "/cluster/tasks", c -> {
            List<Object> out = new ArrayList<>();
            cluster.tasks.values().forEach(t -> out.add(views.taskEntry(t)));
            return out;
        });
        on("GET", "/cluster/ha/resources", c -> {
            List<Object> out = new ArrayList<>();
            cluster.haResources.forEach((sid, r) -> {
                Map<String, Object> e = new LinkedHashMap<>(r);
                e.put("sid", sid);
                e.put("type", sid.substring(0, sid.indexOf(':')));
                if (c.get("type") == null || c.get("type").equals(e.get("type"))) {
                    out.add(e);
                }
            });
            return out;
        });
        on("POST", "/cluster/ha/resources", c -> {
            String sid = haSid(c.req("sid"));
            int vmid = AsciiNumbers.parseInt(sid.substring(3));
            Guest g = cluster.guests.get(vmid);
            if (g == null) {
                throw ApiError.die("unable to find VM " + vmid);
            }
            if (cluster.haResources.containsKey(sid)) {
                throw ApiError.die("resource ID '" + sid + "' already defined");
            }
            Map<String, String> r = new LinkedHashMap<>();
            c.params().forEach((k, v) -> {
                if (!k.equals("sid") && !k.equals("type")) {
                    r.put(k, v);
                }
            });
            r.putIfAbsent("state", "started");
            cluster.haResources.put(sid, r);
            return null;
        });
        on("GET", "/cluster/ha/resources/{sid}", c -> {
            String sid = haSid(c.req("sid"));
            Map<String, String> r = haResource(sid);
            Map<String, Object> e = new LinkedHashMap<>(r);
            e.put("sid", sid);
            e.put("type", sid.substring(0, 2));
            e.put("digest", Cluster.sha1Hex(r.toString()));
            return e;
        });
        on("PUT", "/cluster/ha/resources/{sid}", c -> {
            Map<String, String> r = haResource(haSid(c.req("sid")));
            c.params().forEach((k, v) -> {
                if (!Set.of("sid", "digest", "delete").contains(k)) {
                    r.put(k, v);
                }
            });
            if (c.has("delete")) {
                for (String k : LIST_SPLIT.split(c.get("delete"))) {
                    r.remove(k);
                }
            }
            return null;
        });
        on("DELETE", "/cluster/ha/resources/{sid}", c -> {
            String sid = haSid(c.req("sid"));
            haResource(sid);
            cluster.haResources.remove(sid);
            return null;
        });
    }

    private String haSid(String raw) {
        if (raw.matches("\\d+")) {
            Guest g = cluster.guests.get(AsciiNumbers.parseInt(raw));
            return (g == null || g.qemu() ? "vm:" : "ct:") + raw;
        }
        return raw;
    }

    private Map<String, String> haResource(String sid) {
        Map<String, String> r = cluster.haResources.get(sid);
        if (r == null) {
            throw ApiError.die("no such resource '" + sid + "'");
        }
        return r;
    }
}
