package dev.ops.testkit.pve.internal;

import dev.ops.testkit.pve.internal.Cluster.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Guest snapshots: list, create, config, rollback, delete. Every handler runs while holding the cluster monitor.
 */
final class SnapshotHandlers extends HandlerSection {


    private final String type;

    SnapshotHandlers(Cluster cluster, Views views, String type) {
        super(cluster, views);
        this.type = type;
    }

    @Override
    void routes() {
        registerSnapshots(type);
    }

    // ---------------------------------------------------------------- snapshots

    private void registerSnapshots(String type) {
        String base = "/nodes/{node}/" + type + "/{vmid}/snapshot";
        boolean qemu = type.equals("qemu");
        String prefix = qemu ? "qm" : "vz";
        on("GET", base, c -> {
            Guest g = cluster.guest(c.node(), type, c.integer("vmid"));
            List<Object> out = new ArrayList<>();
            for (Snapshot s : g.snapshots.values()) {
                Map<String, Object> e = map("name", s.name, "description", s.description, "snaptime", s.snaptime);
                if (s.parent != null) {
                    e.put("parent", s.parent);
                }
                if (qemu) {
                    e.put("vmstate", s.vmstate ? 1 : 0);
                }
                out.add(e);
            }
            Map<String, Object> current = map("name", "current", "description", "You are here!",
                    "running", "running".equals(g.status) ? 1 : 0, "digest", g.digest());
            if (g.config.containsKey("parent")) {
                current.put("parent", g.config.get("parent"));
            }
            out.add(current);
            return out;
        });
        on("POST", base, c -> {
            Guest g = cluster.guest(c.node(), type, c.integer("vmid"));
            String name = c.req("snapname");
            if (g.snapshots.containsKey(name) || name.equals("current")) {
                throw ApiError.die("snapshot name '" + name + "' already used");
            }
            g.checkLock();
            boolean vmstate = qemu && c.flag("vmstate", false);
            Task t = cluster.startTask(c.node(), prefix + "snapshot", String.valueOf(g.vmid), c.user());
            t.log("snapshotting '" + name + "'");
            g.config.put("lock", "snapshot");
            g.busy = t;
            t.onSuccess(() -> {
                g.config.remove("lock");
                Map<String, String> copy = new LinkedHashMap<>(g.config);
                copy.remove("parent");
                g.snapshots.put(name, new Snapshot(name, c.get("description") == null ? "" : c.get("description"),
                        g.config.get("parent"), cluster.now(), vmstate, copy));
                g.config.put("parent", name);
            });
            t.onFailure(() -> g.config.remove("lock"));
            return cluster.schedule(t);
        });
        on("GET", base + "/{snapname}", c -> {
            snapshot(c, type);
            return List.of(map("rel", "child", "href", "config"), map("rel", "child", "href", "rollback"));
        });
        on("GET", base + "/{snapname}/config", c -> views.typedConfig(type, snapshot(c, type).config));
        on("PUT", base + "/{snapname}/config", c -> {
            Snapshot s = snapshot(c, type);
            Guest g = cluster.guest(c.node(), type, c.integer("vmid"));
            g.checkLock();
            g.snapshots.put(s.name, new Snapshot(s.name, c.get("description") == null ? s.description : c.get("description"),
                    s.parent, s.snaptime, s.vmstate, s.config));
            return null;
        });
        on("POST", base + "/{snapname}/rollback", c -> {
            Snapshot s = snapshot(c, type);
            Guest g = cluster.guest(c.node(), type, c.integer("vmid"));
            g.checkLock();
            Task t = cluster.startTask(c.node(), prefix + "rollback", String.valueOf(g.vmid), c.user());
            t.log("rollback to snapshot '" + s.name + "'");
            g.config.put("lock", "rollback");
            g.busy = t;
            boolean start = c.flag("start", false);
            t.onSuccess(() -> {
                g.config.clear();
                g.config.putAll(s.config);
                g.config.put("parent", s.name);
                if (s.vmstate || start) {
                    g.status = "running";
                    g.startedAt = cluster.now();
                } else {
                    g.status = "stopped";
                }
            });
            t.onFailure(() -> g.config.remove("lock"));
            return cluster.schedule(t);
        });
        on("DELETE", base + "/{snapname}", c -> {
            Snapshot s = snapshot(c, type);
            Guest g = cluster.guest(c.node(), type, c.integer("vmid"));
            if (!c.flag("force", false)) {
                g.checkLock();
            }
            Task t = cluster.startTask(c.node(), prefix + "delsnapshot", String.valueOf(g.vmid), c.user());
            t.log("delete snapshot '" + s.name + "'");
            g.config.put("lock", "snapshot-delete");
            g.busy = t;
            t.onSuccess(() -> {
                g.config.remove("lock");
                g.snapshots.remove(s.name);
                // children of the removed snapshot now hang off its parent
                g.snapshots.replaceAll((n, x) -> s.name.equals(x.parent)
                        ? new Snapshot(x.name, x.description, s.parent, x.snaptime, x.vmstate, x.config) : x);
                if (s.name.equals(g.config.get("parent"))) {
                    if (s.parent == null) {
                        g.config.remove("parent");
                    } else {
                        g.config.put("parent", s.parent);
                    }
                }
            });
            t.onFailure(() -> g.config.remove("lock"));
            return cluster.schedule(t);
        });
    }

    private Snapshot snapshot(Call c, String type) {
        Guest g = cluster.guest(c.node(), type, c.integer("vmid"));
        Snapshot s = g.snapshots.get(c.req("snapname"));
        if (s == null) {
            throw ApiError.die("snapshot '" + c.req("snapname") + "' does not exist");
        }
        return s;
    }
}
