package dev.ops.testkit.pve.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Storage definitions ({@code POST /storage}, {@code PUT} and {@code DELETE /storage/{storage}}) and
 * backups to a Proxmox Backup Server: a {@code vzdump} to a storage of type {@code pbs} is run by the
 * fake's own vzdump, and when its task ends well each backup becomes a PBS volume
 * ({@code storage:backup/vm/100/2026-01-02T03:04:05Z}) and a snapshot in the PBS fake the storage
 * names ({@link PbsBackends}). A storage's settings beyond its type and content are kept in the
 * generic configuration entries under {@code /storage}; a password is kept but never shown.
 */
final class PbsStorageHandlers extends HandlerSection {
    private static final String CONFIG = "/storage";
    private static final Set<String> NOT_STORED = Set.of("storage", "type", "content", "password", "digest", "delete");
    private final BiFunction<String, String, Handlers.Handler> existing;

    PbsStorageHandlers(Cluster cluster, Views views, BiFunction<String, String, Handlers.Handler> existing) {
        super(cluster, views);
        this.existing = existing;
    }

    @Override
    void routes() {
        on("POST", "/storage", this::create);
        Handlers.Handler list = existing.apply("GET", "/storage");
        on("GET", "/storage", c -> ((List<?>) list.handle(c)).stream().map(e -> withSettings(e)).toList());
        Handlers.Handler one = existing.apply("GET", "/storage/{storage}");
        on("GET", "/storage/{storage}", c -> withSettings(one.handle(c)));
        on("PUT", "/storage/{storage}", this::update);
        on("DELETE", "/storage/{storage}", this::delete);
        Handlers.Handler vzdump = existing.apply("POST", "/nodes/{node}/vzdump");
        on("POST", "/nodes/{node}/vzdump", c -> vzdump(c, vzdump));
        Handlers.Handler content = existing.apply("GET", "/nodes/{node}/storage/{storage}/content");
        on("GET", "/nodes/{node}/storage/{storage}/content", c -> {
            forgetPruned(c.req("storage"));
            return content.handle(c);
        });
    }

    /** A storage's config answer with the settings kept for it (server, datastore...), the password left out. */
    private Object withSettings(Object answer) {
        @SuppressWarnings("unchecked")
        Map<String, Object> e = new LinkedHashMap<>((Map<String, Object>) answer);
        Map<String, String> kept = settings().get(String.valueOf(e.get("storage")));
        if (kept != null) {
            kept.forEach(e::putIfAbsent);
        }
        return e;
    }

    private Map<String, Map<String, String>> settings() {
        return cluster.configEntries.computeIfAbsent(CONFIG, k -> new LinkedHashMap<>());
    }

    private Object create(Call c) {
        String id = c.req("storage");
        if (cluster.storages.containsKey(id)) {
            throw ApiError.die("create storage failed: storage ID '" + id + "' already defined");
        }
        String type = c.req("type");
        if ("pbs".equals(type)) {
            for (String required : List.of("server", "datastore", "username")) {
                if (!c.has(required)) {
                    throw ApiError.param(required, "property is missing and it is not optional");
                }
            }
        }
        String content = c.has("content") ? c.get("content") : "pbs".equals(type) ? "backup" : "images";
        cluster.storages.put(id, new Cluster.Storage(id, type, Set.of(content.split(",")), "pbs".equals(type)));
        Map<String, String> kept = new LinkedHashMap<>();
        c.params().forEach((k, v) -> {
            if (!NOT_STORED.contains(k)) {
                kept.put(k, v);
            }
        });
        settings().put(id, kept);
        return Map.of("storage", id, "type", type);
    }

    private Object update(Call c) {
        String id = c.req("storage");
        cluster.storage(id);
        Map<String, String> kept = settings().computeIfAbsent(id, k -> new LinkedHashMap<>());
        if (c.has("delete")) {
            for (String d : c.get("delete").split("[,;\\s]+")) {
                kept.remove(d);
            }
        }
        c.params().forEach((k, v) -> {
            if (!NOT_STORED.contains(k)) {
                kept.put(k, v);
            }
        });
        return Map.of("storage", id, "type", cluster.storage(id).type);
    }

    private Object delete(Call c) {
        String id = c.req("storage");
        cluster.storage(id);
        cluster.storages.remove(id);
        settings().remove(id);
        cluster.volumes.removeIf(v -> v.storage.equals(id));
        return null;
    }

    /** vzdump as the fake runs it; to a {@code pbs} storage, its backups then become PBS snapshots. */
    private Object vzdump(Call c, Handlers.Handler vzdump) {
        String storageId = c.get("storage");
        Cluster.Storage s = storageId == null ? null : cluster.storages.get(storageId);
        if (s == null || !"pbs".equals(s.type)) {
            return vzdump.handle(c);
        }
        Map<String, String> conf = settings().getOrDefault(s.id, Map.of());
        String hostPort = conf.get("server") + ":" + conf.getOrDefault("port", "8007");
        PbsBackends.Backend pbs = PbsBackends.at(hostPort).orElseThrow(() -> ApiError.die("PBS storage '" + s.id
                + "': can't connect to " + hostPort + " (no PBS fake listens there)"));
        if (!pbs.hasNamespace(conf.get("datastore"), conf.getOrDefault("namespace", ""))) {
            throw ApiError.die("PBS storage '" + s.id + "': datastore '" + conf.get("datastore") + "' or namespace '"
                    + conf.getOrDefault("namespace", "") + "' does not exist on " + hostPort);
        }
        long before = cluster.now();
        String upid = (String) vzdump.handle(c);
        Task t = cluster.tasks.get(upid);
        Runnable toPbs = () -> toPbs(s, conf, pbs, before, t);
        if (!"running".equals(t.status)) {
            if ("OK".equals(t.exitstatus) || t.exitstatus.startsWith("WARNINGS")) {
                toPbs.run();
            }
        } else {
            Runnable done = t.onSuccess;
            t.onSuccess(() -> {
                done.run();
                toPbs.run();
            });
        }
        return upid;
    }

    /** Drops the volumes of a PBS storage whose snapshot the PBS no longer has (pruned, deleted), as PVE lists what PBS lists. */
    private void forgetPruned(String storageId) {
        Cluster.Storage s = cluster.storages.get(storageId);
        if (s == null || !"pbs".equals(s.type)) {
            return;
        }
        Map<String, String> conf = settings().getOrDefault(s.id, Map.of());
        PbsBackends.at(conf.get("server") + ":" + conf.getOrDefault("port", "8007")).ifPresent(pbs -> cluster.volumes.removeIf(v -> {
            if (!v.storage.equals(s.id) || !v.volid.contains(":backup/")) {
                return false;
            }
            String[] parts = v.volid.substring(v.volid.indexOf(":backup/") + 8).split("/");
            return parts.length == 3 && !pbs.has(conf.get("datastore"), conf.getOrDefault("namespace", ""), parts[0], parts[1],
                    Instant.parse(parts[2]).getEpochSecond());
        }));
    }

    /** Turns the vzdump volumes this task wrote on the PBS storage into PBS volumes and snapshots. */
    private void toPbs(Cluster.Storage s, Map<String, String> conf, PbsBackends.Backend pbs, long since, Task t) {
        List<Cluster.Volume> written = cluster.volumes.stream()
                .filter(v -> v.storage.equals(s.id) && "backup".equals(v.content) && v.volid.contains(":backup/vzdump-") && v.ctime >= since)
                .toList();
        for (Cluster.Volume v : written) {
            String type = "qemu".equals(v.guestType) ? "vm" : "ct";
            long time = v.ctime;
            String ns = conf.getOrDefault("namespace", "");
            pbs.store(conf.get("datastore"), ns, type, String.valueOf(v.vmid), time, v.notes == null ? "" : v.notes);
            Cluster.Volume p = new Cluster.Volume(s.id + ":backup/" + type + "/" + v.vmid + "/" + Instant.ofEpochSecond(time), s.id, v.node,
                    "backup", "pbs-" + type, v.size, v.vmid, time);
            p.guestType = v.guestType;
            p.backupConfig = v.backupConfig;
            p.notes = v.notes;
            cluster.volumes.remove(v);
            cluster.volumes.add(p);
            t.log("INFO: backup to PBS " + conf.get("server") + " datastore " + conf.get("datastore")
                    + (ns.isEmpty() ? "" : " namespace " + ns) + " as " + type + "/" + v.vmid + "/" + Instant.ofEpochSecond(time));
        }
    }
}
