package dev.ops.testkit.pve.internal;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.testkit.pve.internal.Cluster.Pool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resource pools as PVE's {@code API2::Pool} keeps them: create, list (with members), add and
 * remove guests and storages, delete when empty. Both the current {@code /pools?poolid=} form and
 * the older {@code /pools/{poolid}} one.
 */
final class PoolHandlers {
    private static final Pattern LIST_SPLIT = Pattern.compile("[,;\\s]+");

    private final Cluster cluster;
    private final Auth auth;

    PoolHandlers(Cluster cluster, Auth auth) {
        this.cluster = cluster;
        this.auth = auth;
    }

    void register(Handlers.Registry r) {
        r.on("GET", "/pools", c -> {
            List<Object> out = new ArrayList<>();
            String only = c.get("poolid");
            for (Map.Entry<String, Pool> e : cluster.pools.entrySet()) {
                if ((only == null || only.equals(e.getKey())) && can(c, "/pool/" + e.getKey(), "Pool.Audit")) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("poolid", e.getKey());
                    if (!e.getValue().comment.isEmpty()) {
                        p.put("comment", e.getValue().comment);
                    }
                    if (only != null) {
                        p.put("members", members(e.getKey(), c.get("type")));
                    }
                    out.add(p);
                }
            }
            if (only != null && out.isEmpty()) {
                cluster.pool(only);
            }
            return out;
        });
        r.on("GET", "/pools/{poolid}", c -> {
            Pool p = cluster.pool(c.req("poolid"));
            Map<String, Object> out = new LinkedHashMap<>();
            if (!p.comment.isEmpty()) {
                out.put("comment", p.comment);
            }
            out.put("members", members(c.req("poolid"), c.get("type")));
            return out;
        });
        r.on("POST", "/pools", c -> {
            String id = c.req("poolid");
            if (cluster.pools.containsKey(id)) {
                throw ApiError.die("create pool failed: pool '" + id + "' already exists");
            }
            Pool p = new Pool();
            p.comment = c.get("comment") == null ? "" : c.get("comment");
            cluster.pools.put(id, p);
            return null;
        });
        r.on("PUT", "/pools", this::update);
        r.on("PUT", "/pools/{poolid}", this::update);
        r.on("DELETE", "/pools", this::delete);
        r.on("DELETE", "/pools/{poolid}", this::delete);
    }

    private Object update(Call c) {
        String id = c.req("poolid");
        Pool p = cluster.pool(id);
        if (c.has("comment")) {
            p.comment = c.get("comment");
        }
        boolean remove = c.flag("delete", false);
        for (String v : items(c.get("vms"))) {
            int vmid = AsciiNumbers.parseInt(v);
            Guest g = cluster.guests.get(vmid);
            if (remove) {
                if (g == null || !id.equals(g.pool)) {
                    throw ApiError.die("update pools failed: VM " + vmid + " is not a pool member");
                }
                g.pool = null;
            } else {
                if (g == null) {
                    throw ApiError.die("update pools failed: no such VM '" + vmid + "'");
                }
                if (g.pool != null && !g.pool.equals(id) && !c.flag("allow-move", false)) {
                    throw ApiError.die("update pools failed: VM " + vmid + " belongs already to pool '" + g.pool + "'");
                }
                g.pool = id;
            }
        }
        for (String s : items(c.get("storage"))) {
            if (remove) {
                if (!p.storages.remove(s)) {
                    throw ApiError.die("update pools failed: storage '" + s + "' is not a pool member");
                }
            } else {
                if (!cluster.storages.containsKey(s)) {
                    throw ApiError.die("update pools failed: no such storage '" + s + "'");
                }
                p.storages.add(s);
            }
        }
        return null;
    }

    private Object delete(Call c) {
        String id = c.req("poolid");
        Pool p = cluster.pool(id);
        boolean hasGuests = cluster.guests.values().stream().anyMatch(g -> id.equals(g.pool));
        if (hasGuests || !p.storages.isEmpty()) {
            throw ApiError.die("delete pool failed: pool '" + id + "' is not empty");
        }
        cluster.pools.remove(id);
        return null;
    }

    private List<Object> members(String id, String type) {
        List<Object> out = new ArrayList<>();
        for (Guest g : cluster.guests.values()) {
            if (id.equals(g.pool) && (type == null || type.equals(g.type))) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", g.type + "/" + g.vmid);
                m.put("type", g.type);
                m.put("vmid", g.vmid);
                m.put("node", g.node);
                m.put("name", g.name());
                m.put("status", g.status);
                out.add(m);
            }
        }
        if (type == null || "storage".equals(type)) {
            for (String s : cluster.pools.get(id).storages) {
                for (Cluster.Node n : cluster.nodes.values()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", "storage/" + n.name + "/" + s);
                    m.put("type", "storage");
                    m.put("node", n.name);
                    m.put("storage", s);
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static List<String> items(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return List.of(LIST_SPLIT.split(list.trim()));
    }

    private boolean can(Call c, String path, String priv) {
        return c.principal() == null || auth.privileges(c.principal(), path).contains(priv);
    }
}
