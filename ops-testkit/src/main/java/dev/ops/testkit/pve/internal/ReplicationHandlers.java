package dev.ops.testkit.pve.internal;

import dev.ops.core.text.AsciiNumbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Storage replication as a node reports it: the jobs of {@code /cluster/replication} (kept by the
 * generic collections) produce state on the node that holds their guest ({@code /nodes/{node}/replication},
 * {@code .../{id}/status}, {@code .../{id}/log}), and {@code schedule_now} runs a job as a task that
 * records its last sync, duration and failures (a job whose target is offline or is the guest's own
 * node fails, as PVE's would).
 */
final class ReplicationHandlers extends HandlerSection {
    ReplicationHandlers(Cluster cluster, Views views) {
        super(cluster, views);
    }

    @Override
    void routes() {
        on("GET", "/nodes/{node}/replication", c -> {
            cluster.node(c.node());
            List<Object> out = new ArrayList<>();
            jobs().forEach((id, job) -> {
                Guest g = cluster.guests.get(guestOf(id));
                if (g != null && g.node.equals(c.node()) && (!c.has("guest") || c.get("guest").equals(String.valueOf(g.vmid)))) {
                    out.add(status(id, job, g));
                }
            });
            return out;
        });
        on("GET", "/nodes/{node}/replication/{id}", c -> {
            job(c);
            return List.of(map("name", "log"), map("name", "schedule_now"), map("name", "status"));
        });
        on("GET", "/nodes/{node}/replication/{id}/status", c -> {
            Map<String, String> job = job(c);
            return status(c.req("id"), job, cluster.guests.get(guestOf(c.req("id"))));
        });
        on("GET", "/nodes/{node}/replication/{id}/log", c -> {
            job(c);
            List<Object> lines = new ArrayList<>();
            @SuppressWarnings("unchecked")
            List<String> log = (List<String>) cluster.replicationState.getOrDefault(c.req("id"), Map.of()).getOrDefault("log", List.of());
            for (int i = 0; i < log.size(); i++) {
                lines.add(map("n", i + 1, "t", log.get(i)));
            }
            return lines;
        });
        on("POST", "/nodes/{node}/replication/{id}/schedule_now", c -> {
            Map<String, String> job = job(c);
            String id = c.req("id");
            Guest g = cluster.guests.get(guestOf(id));
            Task t = cluster.startTask(c.node(), "replicate", id, c.user());
            t.onSuccess(() -> run(id, job, g));
            return cluster.schedule(t);
        });
    }

    private Map<String, Map<String, String>> jobs() {
        return cluster.configEntries.getOrDefault("/cluster/replication", Map.of());
    }

    private Map<String, String> job(Call c) {
        cluster.node(c.node());
        Map<String, String> job = jobs().get(c.req("id"));
        if (job == null) {
            throw ApiError.die("replication job '" + c.req("id") + "' does not exist");
        }
        return job;
    }

    private static int guestOf(String id) {
        return AsciiNumbers.parseInt(id.substring(0, id.indexOf('-')));
    }

    private void run(String id, Map<String, String> job, Guest g) {
        Map<String, Object> s = cluster.replicationState.computeIfAbsent(id, k -> new LinkedHashMap<>());
        @SuppressWarnings("unchecked")
        List<String> log = (List<String>) s.computeIfAbsent("log", k -> new ArrayList<String>());
        String target = job.get("target");
        Cluster.Node node = cluster.nodes.get(target);
        String error = g == null ? "guest " + guestOf(id) + " does not exist"
                : node == null ? "no such node '" + target + "'"
                : !node.online ? "node '" + target + "' is offline"
                : target.equals(g.node) ? "unable to replicate to the guest's own node '" + target + "'"
                : "1".equals(job.get("disable")) ? "job is disabled" : null;
        log.add(cluster.now() + " " + id + ": start replication job");
        if (error == null) {
            s.put("last_sync", cluster.now());
            s.put("duration", 1.5);
            s.put("fail_count", 0);
            s.remove("error");
            log.add(cluster.now() + " " + id + ": end replication job");
        } else {
            s.put("fail_count", ((Integer) s.getOrDefault("fail_count", 0)) + 1);
            s.put("error", error);
            log.add(cluster.now() + " " + id + ": end replication job with error: " + error);
        }
    }

    private Map<String, Object> status(String id, Map<String, String> job, Guest g) {
        Map<String, Object> s = cluster.replicationState.getOrDefault(id, Map.of());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("guest", guestOf(id));
        out.put("jobnum", AsciiNumbers.parseInt(id.substring(id.indexOf('-') + 1)));
        out.put("target", job.get("target"));
        out.put("type", "local");
        out.put("vmtype", g == null ? "qemu" : g.type);
        out.put("schedule", job.getOrDefault("schedule", "*/15"));
        out.put("source", g == null ? "" : g.node);
        out.put("last_sync", s.getOrDefault("last_sync", 0L));
        out.put("fail_count", s.getOrDefault("fail_count", 0));
        out.put("next_sync", ((Number) s.getOrDefault("last_sync", cluster.now())).longValue() + 900);
        if (s.containsKey("duration")) {
            out.put("duration", s.get("duration"));
        }
        if (s.containsKey("error")) {
            out.put("error", s.get("error"));
        }
        if ("1".equals(job.get("disable"))) {
            out.put("disable", 1);
        }
        return out;
    }
}
