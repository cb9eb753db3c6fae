package dev.ops.testkit.pve.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Worker tasks: the per-node list, status (where tasks that end by reads end), log and stop. Every handler runs while holding the cluster monitor.
 */
final class TaskHandlers extends HandlerSection {


    TaskHandlers(Cluster cluster, Views views) {
        super(cluster, views);
    }

    @Override
    void routes() {
        registerTasks();
    }

    // ---------------------------------------------------------------- tasks

    /** The class the task list's {@code statusfilter} selects by: ok, error, warning or unknown (running). */
    private static String statusClass(Task t) {
        if ("running".equals(t.status) || t.exitstatus == null) {
            return "unknown";
        }
        if (t.exitstatus.equals("OK")) {
            return "ok";
        }
        return t.exitstatus.startsWith("WARNINGS") ? "warning" : "error";
    }

    private void registerTasks() {
        on("GET", "/nodes/{node}/tasks", c -> {
            cluster.node(c.node());
            List<Map<String, Object>> all = new ArrayList<>();
            List<Task> newestFirst = new ArrayList<>(cluster.tasks.values());
            java.util.Collections.reverse(newestFirst);
            for (Task t : newestFirst) {
                if (!t.node.equals(c.node())) {
                    continue;
                }
                if (c.has("vmid") && !t.id.equals(c.get("vmid"))) {
                    continue;
                }
                if (c.has("typefilter") && !t.type.equals(c.get("typefilter"))) {
                    continue;
                }
                if (c.has("userfilter") && !t.user.contains(c.get("userfilter"))) {
                    continue;
                }
                if (c.flag("errors", false) && ("running".equals(t.status) || "OK".equals(t.exitstatus))) {
                    continue;
                }
                if ("active".equals(c.get("source")) && !"running".equals(t.status)) {
                    continue;
                }
                if (c.has("since") && t.starttime < c.integer("since", 0)) {
                    continue;
                }
                if (c.has("until") && t.starttime > c.integer("until", Integer.MAX_VALUE)) {
                    continue;
                }
                if (c.has("statusfilter") && !java.util.Arrays.asList(c.get("statusfilter").split(",")).contains(statusClass(t))) {
                    continue;
                }
                all.add(views.taskEntry(t));
            }
            int start = c.integer("start", 0);
            int limit = c.integer("limit", 50);
            List<Map<String, Object>> page = all.subList(Math.min(start, all.size()), Math.min(start + limit, all.size()));
            return new Handlers.Listing(new ArrayList<>(page), all.size());
        });
        on("GET", "/nodes/{node}/tasks/{upid}", c -> {
            task(c);
            return List.of(map("name", "log"), map("name", "status"));
        });
        on("GET", "/nodes/{node}/tasks/{upid}/status", c -> {
            Task t = task(c);
            cluster.statusRead(t);
            Map<String, Object> e = map("upid", t.upid, "node", t.node, "pid", t.pid, "pstart", t.pstart,
                    "starttime", t.starttime, "type", t.type, "id", t.id, "user", t.user.contains("!")
                            ? t.user.substring(0, t.user.indexOf('!')) : t.user,
                    "status", t.status);
            if (t.user.contains("!")) {
                e.put("tokenid", t.user.substring(t.user.indexOf('!') + 1));
            }
            if (t.exitstatus != null) {
                e.put("exitstatus", t.exitstatus);
            }
            return e;
        });
        on("GET", "/nodes/{node}/tasks/{upid}/log", c -> {
            Task t = task(c);
            int start = c.integer("start", 0);
            int limit = c.integer("limit", 50);
            List<Object> lines = new ArrayList<>();
            for (int i = start; i < Math.min(t.log.size(), start + limit); i++) {
                lines.add(map("n", i + 1, "t", t.log.get(i)));
            }
            if (lines.isEmpty() && t.log.isEmpty()) {
                lines.add(map("n", 1, "t", "no content"));
            }
            return new Handlers.Listing(lines, Math.max(1, t.log.size()));
        });
        on("DELETE", "/nodes/{node}/tasks/{upid}", c -> {
            cluster.stopTask(task(c));
            return null;
        });
    }

    private Task task(Call c) {
        cluster.node(c.node());
        String upid = c.req("upid");
        if (!Cluster.UPID.matcher(upid).matches()) {
            throw ApiError.param("upid", "unable to parse worker upid '" + upid + "'");
        }
        Task t = cluster.tasks.get(upid);
        if (t == null || !t.node.equals(c.node())) {
            throw ApiError.die("no such task");
        }
        return t;
    }

}
