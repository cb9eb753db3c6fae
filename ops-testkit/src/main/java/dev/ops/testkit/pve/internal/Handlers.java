package dev.ops.testkit.pve.internal;

import dev.ops.core.text.AsciiNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.testkit.pve.internal.Cluster.Guest;
import dev.ops.testkit.pve.internal.Cluster.Snapshot;
import dev.ops.testkit.pve.internal.Cluster.Storage;
import dev.ops.testkit.pve.internal.Cluster.Task;
import dev.ops.testkit.pve.internal.Cluster.Volume;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The behaviour behind each implemented path+method. Every handler runs while holding the cluster
 * monitor, returns the {@code data} value, and throws {@link ApiError} for PVE's error answers.
 */
public final class Handlers {

    /** One implemented endpoint. */
    @FunctionalInterface
    public interface Handler {
        /** Answers a call with the {@code data} value. */
        Object handle(Call c);
    }

    /** Where the handlers of a group of endpoints are registered. */
    @FunctionalInterface
    interface Registry {
        /** Registers {@code h} for {@code method} on the path {@code template}. */
        void on(String method, String template, Handler h);
    }

    /** A list answer that also carries {@code total}. */
    public record Listing(List<?> data, int total) {}

    private static final DateTimeFormatter BACKUP_TIME = DateTimeFormatter.ofPattern("yyyy_MM_dd-HH_mm_ss").withZone(ZoneOffset.UTC);
    private static final Set<String> GUEST_META = Set.of("node", "vmid", "digest", "delete", "revert", "skiplock",
            "background_delay", "force", "start", "archive", "storage", "pool", "unique", "bwlimit", "live-restore",
            "ostemplate", "restore", "password", "ssh-public-keys", "ignore-unpack-errors", "ha-managed",
            "import-working-storage");
    private static final Pattern LIST_SPLIT = Pattern.compile("[,;\\s]+");

    private final Cluster cluster;
    private final Auth auth;
    private final ApiSchema schema;
    private final String fingerprint;
    private final Map<String, Handler> routes = new HashMap<>();
    private final Set<String> cacheable = new java.util.HashSet<>();

    /** Registers every implemented endpoint. */
    public Handlers(Cluster cluster, Auth auth, ApiSchema schema, String fingerprint) {
        this.cluster = cluster;
        this.auth = auth;
        this.schema = schema;
        this.fingerprint = fingerprint;
        registerCluster();
        registerNodes();
        registerStorage();
        registerTasks();
        new AccessHandlers(cluster, auth).register(this::on);
        new PoolHandlers(cluster, auth).register(this::on);
        for (String type : List.of("qemu", "lxc")) {
            registerGuests(type);
        }
        new FirewallRules(cluster).register(schema, this::on);
        new ConfigCollections(cluster).register(schema, (m, t) -> routes.containsKey(m + " " + t), this::on);
    }

    /** The handler for a method and template, or null when the fake does not implement it. */
    public Handler handler(String method, String template) {
        return routes.get(method + " " + template);
    }

    /**
     * Whether the answer of this read depends only on the cluster state, the clock's second, the
     * parameters and the caller, so that it may be served from {@link ResponseCache}.
     */
    public boolean cacheable(String method, String template) {
        return cacheable.contains(method + " " + template);
    }

    /** Number of implemented path+method pairs. */
    public int size() {
        return routes.size();
    }

    private void on(String method, String template, Handler h) {
        if (schema.endpoint(method, template).isEmpty()) {
            throw new IllegalStateException("fake implements a path the schema lacks: " + method + " " + template);
        }
        routes.put(method + " " + template, h);
    }

    private void onCacheable(String template, Handler h) {
        on("GET", template, h);
        cacheable.add("GET " + template);
    }

    // ---------------------------------------------------------------- cluster

    private void registerCluster() {
        on("GET", "/version", c -> map("version", "9.1.9", "release", "9.1", "repoid", "d7a4b1a2c3e5f6a7"));
        on("GET", "/cluster/status", c -> {
            List<Object> out = new ArrayList<>();
            out.add(map("type", "cluster", "id", "cluster", "name", cluster.clusterName, "nodes", cluster.nodes.size(),
                    "quorate", 1, "version", cluster.nodes.size() + 1));
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
                    if (can(c, "/nodes/" + n.name, "Sys.Audit")) {
                        out.add(nodeEntry(n, true));
                    }
                }
            }
            if (type == null || "vm".equals(type)) {
                Map<Integer, Long> disks = diskBytesByGuest();
                for (Guest g : cluster.guests.values()) {
                    if (can(c, "/vms/" + g.vmid, "VM.Audit")) {
                        Map<String, Object> e = guestEntry(g, disks.getOrDefault(g.vmid, 0L));
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
                    if (can(c, "/pool/" + id, "Pool.Audit")) {
                        out.add(map("id", "pool/" + id, "type", "pool", "pool", id));
                    }
                }
            }
            if (type == null || "storage".equals(type)) {
                for (Cluster.Node n : cluster.nodes.values()) {
                    for (Storage s : cluster.storages.values()) {
                        if (can(c, "/storage/" + s.id, "Datastore.Audit")) {
                            Map<String, Object> e = storageEntry(n.name, s);
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
            cluster.tasks.values().forEach(t -> out.add(taskEntry(t)));
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

    // ---------------------------------------------------------------- nodes

    private void registerNodes() {
        on("GET", "/nodes", c -> {
            List<Object> out = new ArrayList<>();
            for (Cluster.Node n : cluster.nodes.values()) {
                if (can(c, "/nodes/" + n.name, "Sys.Audit")) {
                    out.add(nodeEntry(n, false));
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

    private Map<String, Object> nodeEntry(Cluster.Node n, boolean resource) {
        Map<String, Object> e = map("node", n.name, "status", n.online ? "online" : "offline", "cpu", 0.03,
                "maxcpu", 16, "mem", 8L << 30, "maxmem", 128L << 30, "disk", 10L << 30, "maxdisk", 100L << 30,
                "uptime", 86400L, "level", "", "id", "node/" + n.name, "type", "node");
        if (!resource) {
            e.put("ssl_fingerprint", fingerprint);
        }
        return e;
    }

    // ---------------------------------------------------------------- storage

    private void registerStorage() {
        on("GET", "/storage", c -> {
            List<Object> out = new ArrayList<>();
            for (Storage s : cluster.storages.values()) {
                out.add(storageConfig(s));
            }
            return out;
        });
        on("GET", "/storage/{storage}", c -> storageConfig(cluster.storage(c.req("storage"))));
        on("GET", "/nodes/{node}/storage", c -> {
            cluster.node(c.node());
            String content = c.get("content");
            List<Object> out = new ArrayList<>();
            for (Storage s : cluster.storages.values()) {
                if (c.has("storage") && !s.id.equals(c.get("storage"))) {
                    continue;
                }
                if (content != null && Arrays.stream(LIST_SPLIT.split(content)).noneMatch(s.content::contains)) {
                    continue;
                }
                if (can(c, "/storage/" + s.id, "Datastore.Audit") || can(c, "/storage/" + s.id, "Datastore.AllocateSpace")) {
                    out.add(storageEntry(c.node(), s));
                }
            }
            return out;
        });
        on("GET", "/nodes/{node}/storage/{storage}/status", c -> {
            cluster.node(c.node());
            return storageEntry(c.node(), cluster.storage(c.req("storage")));
        });
        on("GET", "/nodes/{node}/storage/{storage}/content", c -> {
            cluster.node(c.node());
            List<Object> out = new ArrayList<>();
            for (Volume v : cluster.volumes(c.node(), c.req("storage"))) {
                if (c.has("content") && !v.content.equals(c.get("content"))) {
                    continue;
                }
                if (c.has("vmid") && (v.vmid == null || v.vmid != c.integer("vmid"))) {
                    continue;
                }
                out.add(volumeEntry(v));
            }
            return out;
        });
        on("GET", "/nodes/{node}/storage/{storage}/content/{volume}", c -> {
            Volume v = volumeParam(c);
            Map<String, Object> e = map("path", "/var/lib/vz/" + v.volid.substring(v.volid.indexOf(':') + 1),
                    "size", v.size, "used", v.size, "format", v.format);
            if (v.notes != null) {
                e.put("notes", v.notes);
            }
            return e;
        });
        on("DELETE", "/nodes/{node}/storage/{storage}/content/{volume}", c -> {
            Volume v = volumeParam(c);
            if (v.vmid != null && !"backup".equals(v.content) && cluster.guests.containsKey(v.vmid)) {
                Guest owner = cluster.guests.get(v.vmid);
                if (owner.config.values().stream().anyMatch(x -> x.startsWith(v.volid + ",") || x.equals(v.volid))) {
                    throw ApiError.die("volume '" + v.volid + "' is in use by VM " + v.vmid);
                }
            }
            Task t = cluster.startTask(c.node(), "imgdel", v.volid, c.user());
            t.log("Removed volume '" + v.volid + "'");
            t.onSuccess(() -> cluster.volumes.remove(v));
            return cluster.schedule(t);
        });
        on("POST", "/nodes/{node}/storage/{storage}/upload", c -> {
            cluster.node(c.node());
            Storage s = cluster.storage(c.req("storage"));
            String content = c.req("content");
            requireContent(s, content);
            String filename = c.req("filename");
            if (c.uploadSize() < 0) {
                throw ApiError.param("filename", "no file uploaded (multipart part 'filename' missing)");
            }
            String volid = s.id + ":" + content + "/" + filename;
            if (cluster.volume(c.node(), volid) != null) {
                throw ApiError.die("refusing to override existing file '" + filename + "'");
            }
            Task t = cluster.startTask(c.node(), "imgcopy", "", c.user());
            t.log("starting file import from: /var/tmp/pveupload-fake");
            t.log("target node: " + c.node());
            t.log("target file: /var/lib/vz/template/" + content + "/" + filename);
            t.log("file size is: " + c.uploadSize());
            long size = c.uploadSize();
            t.onSuccess(() -> cluster.volumes.add(new Volume(volid, s.id, c.node(), content,
                    filename.endsWith(".iso") ? "iso" : "tgz", size, null, cluster.now())));
            return cluster.schedule(t);
        });
        on("POST", "/nodes/{node}/storage/{storage}/download-url", c -> {
            cluster.node(c.node());
            Storage s = cluster.storage(c.req("storage"));
            String content = c.req("content");
            requireContent(s, content);
            String filename = c.req("filename");
            String volid = s.id + ":" + content + "/" + filename;
            if (cluster.volume(c.node(), volid) != null) {
                throw ApiError.die("refusing to override existing file '" + filename + "'");
            }
            // The fake never fetches the URL: tests must not send traffic off loopback.
            Task t = cluster.startTask(c.node(), "download", s.id, c.user());
            t.log("downloading " + c.req("url") + " to /var/lib/vz/template/" + content + "/" + filename + " (simulated)");
            t.onSuccess(() -> cluster.volumes.add(new Volume(volid, s.id, c.node(), content,
                    filename.endsWith(".iso") ? "iso" : "tgz", 1L << 20, null, cluster.now())));
            return cluster.schedule(t);
        });
        on("POST", "/nodes/{node}/vzdump", this::vzdump);
    }

    private void requireContent(Storage s, String content) {
        if (!s.content.contains(content)) {
            throw ApiError.die("storage '" + s.id + "' does not support '" + content + "' content");
        }
    }

    private Volume volumeParam(Call c) {
        cluster.node(c.node());
        String volume = c.req("volume");
        String volid = volume.contains(":") ? volume : c.req("storage") + ":" + volume;
        Volume v = cluster.volume(c.node(), volid);
        if (v == null) {
            throw ApiError.die("volume '" + volid + "' does not exist");
        }
        return v;
    }

    private Map<String, Object> storageConfig(Storage s) {
        Map<String, Object> e = map("storage", s.id, "type", s.type, "content", String.join(",", s.content),
                "digest", Cluster.sha1Hex(s.id + s.type + s.content));
        if (s.shared) {
            e.put("shared", 1);
        }
        if ("dir".equals(s.type)) {
            e.put("path", "/var/lib/vz");
        }
        return e;
    }

    private Map<String, Object> storageEntry(String node, Storage s) {
        long used = 0;
        for (Volume v : cluster.volumes(node, s.id)) {
            used += v.size;
        }
        return map("storage", s.id, "type", s.type, "plugintype", s.type, "content", String.join(",", s.content),
                "shared", s.shared ? 1 : 0, "active", 1, "enabled", 1, "status", "available",
                "total", s.total, "used", used, "avail", s.total - used, "used_fraction", (double) used / s.total,
                "disk", used, "maxdisk", s.total);
    }

    private static Map<String, Object> volumeEntry(Volume v) {
        Map<String, Object> e = map("volid", v.volid, "content", v.content, "format", v.format, "size", v.size,
                "ctime", v.ctime);
        if (v.vmid != null) {
            e.put("vmid", v.vmid);
        }
        if ("images".equals(v.content) || "rootdir".equals(v.content)) {
            e.put("used", v.size);
        }
        if (v.notes != null) {
            e.put("notes", v.notes);
        }
        if ("backup".equals(v.content)) {
            e.put("subtype", v.guestType);
        }
        return e;
    }

    // ---------------------------------------------------------------- backups

    private Object vzdump(Call c) {
        cluster.node(c.node());
        String storageId = c.get("storage") == null ? firstBackupStorage() : c.get("storage");
        Storage s = cluster.storage(storageId);
        if (!s.content.contains("backup")) {
            throw ApiError.die("storage '" + s.id + "' does not support backups");
        }
        List<Guest> targets = new ArrayList<>();
        if (c.flag("all", false)) {
            cluster.guests.values().stream().filter(g -> g.node.equals(c.node())).forEach(targets::add);
        } else if (c.has("vmid")) {
            for (String id : LIST_SPLIT.split(c.get("vmid"))) {
                Guest g = cluster.guests.get(AsciiNumbers.parseInt(id));
                if (g == null || !g.node.equals(c.node())) {
                    throw ApiError.die("guest " + id + " is not on node '" + c.node() + "'");
                }
                targets.add(g);
            }
        } else {
            throw ApiError.param("vmid", "property is missing and it is not optional");
        }
        for (Guest g : targets) {
            if (!can(c, "/vms/" + g.vmid, "VM.Backup")) {
                throw new ApiError(403, "Permission check failed (/vms/" + g.vmid + ", VM.Backup)");
            }
            g.checkLock();
        }
        String compress = c.get("compress") == null ? "zstd" : c.get("compress");
        String ext = switch (compress) {
            case "0" -> "";
            case "gzip" -> ".gz";
            case "lzo" -> ".lzo";
            default -> ".zst";
        };
        Task t = cluster.startTask(c.node(), "vzdump", targets.size() == 1 ? String.valueOf(targets.get(0).vmid) : "",
                c.user());
        String stamp = BACKUP_TIME.format(Instant.ofEpochSecond(cluster.now()));
        for (Guest g : targets) {
            g.config.put("lock", "backup");
            t.log("INFO: Starting Backup of VM " + g.vmid + " (" + g.type + ")");
        }
        Runnable unlock = () -> targets.forEach(g -> {
            if ("backup".equals(g.config.get("lock"))) {
                g.config.remove("lock");
            }
        });
        t.onSuccess(() -> {
            unlock.run();
            for (Guest g : targets) {
                String name = "vzdump-" + g.type + "-" + g.vmid + "-" + stamp + (g.qemu() ? ".vma" : ".tar") + ext;
                Volume v = new Volume(s.id + ":backup/" + name, s.id, c.node(), "backup",
                        g.qemu() ? "vma" + ext.replace(".", "") : "tar" + ext.replace(".", ""), 1L << 30, g.vmid, cluster.now());
                v.guestType = g.type;
                v.backupConfig = new LinkedHashMap<>(g.config);
                v.notes = c.get("notes-template") == null ? g.name() : c.get("notes-template").replace("{{guestname}}", g.name())
                        .replace("{{vmid}}", String.valueOf(g.vmid)).replace("{{node}}", g.node)
                        .replace("{{cluster}}", cluster.clusterName);
                cluster.volumes.add(v);
                t.log("INFO: creating vzdump archive '/var/lib/vz/dump/" + name + "'");
                t.log("INFO: Finished Backup of VM " + g.vmid);
            }
        });
        t.onFailure(unlock);
        return cluster.schedule(t);
    }

    private String firstBackupStorage() {
        return cluster.storages.values().stream().filter(s -> s.content.contains("backup")).map(s -> s.id).findFirst()
                .orElse("local");
    }

    // ---------------------------------------------------------------- tasks

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
                all.add(taskEntry(t));
            }
            int start = c.integer("start", 0);
            int limit = c.integer("limit", 50);
            List<Map<String, Object>> page = all.subList(Math.min(start, all.size()), Math.min(start + limit, all.size()));
            return new Listing(new ArrayList<>(page), all.size());
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
            return new Listing(lines, Math.max(1, t.log.size()));
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

    private static Map<String, Object> taskEntry(Task t) {
        Map<String, Object> e = map("upid", t.upid, "node", t.node, "pid", t.pid, "pstart", t.pstart,
                "starttime", t.starttime, "type", t.type, "id", t.id, "user", t.user);
        if (!"running".equals(t.status)) {
            e.put("endtime", t.endtime);
            e.put("status", t.exitstatus);
        }
        return e;
    }

    // ---------------------------------------------------------------- guests

    private void registerGuests(String type) {
        String base = "/nodes/{node}/" + type;
        boolean qemu = type.equals("qemu");
        String prefix = qemu ? "qm" : "vz";
        onCacheable(base, c -> {
            cluster.node(c.node());
            List<Object> out = new ArrayList<>();
            Map<Integer, Long> disks = diskBytesByGuest();
            for (Guest g : cluster.guests.values()) {
                if (g.type.equals(type) && g.node.equals(c.node()) && can(c, "/vms/" + g.vmid, "VM.Audit")) {
                    out.add(guestEntry(g, disks.getOrDefault(g.vmid, 0L)));
                }
            }
            return out;
        });
        on("POST", base, c -> create(c, type));
        on("DELETE", base + "/{vmid}", c -> {
            Guest g = cluster.guest(c.node(), type, c.integer("vmid"));
            g.checkLock();
            if ("running".equals(g.status)) {
                throw ApiError.die((qemu ? "VM " : "CT ") + g.vmid + " is running - destroy failed");
            }
            if (g.config.containsKey("protection") && "1".equals(g.config.get("protection"))) {
                throw ApiError.die("can't remove " + (qemu ? "VM " : "CT ") + g.vmid + " - protection mode enabled");
            }
            String sid = (qemu ? "vm:" : "ct:") + g.vmid;
            if (cluster.haResources.containsKey(sid) && !c.flag("purge", false)) {
                throw ApiError.die("unable to remove " + (qemu ? "VM " : "CT ") + g.vmid + " - used in HA resources and purge parameter not set.");
            }
            Task t = cluster.startTask(c.node(), prefix + "destroy", String.valueOf(g.vmid), c.user());
            g.busy = t;
            t.onSuccess(() -> {
                cluster.guests.remove(g.vmid);
                cluster.removeGuestVolumes(g.vmid);
                cluster.haResources.remove(sid);
                t.log("purging VM " + g.vmid + " from related configurations..");
            });
            return cluster.schedule(t);
        });
        on("GET", base + "/{vmid}", c -> {
            cluster.guest(c.node(), type, c.integer("vmid"));
            List<Object> out = new ArrayList<>();
            schema.literalChildren("/nodes/{node}/" + type + "/{vmid}").forEach(s -> out.add(map("subdir", s)));
            return out;
        });
        on("GET", base + "/{vmid}/config", c -> {
            Guest g = cluster.guest(c.node(), type, c.integer("vmid"));
            Map<String, String> cfg = g.config;
            if (c.has("snapshot")) {
                Snapshot s = g.snapshots.get(c.get("snapshot"));
                if (s == null) {
                    throw ApiError.die("snapshot '" + c.get("snapshot") + "' does not exist");
                }
                cfg = s.config;
            }
            Map<String, Object> out = typedConfig(type, cfg);
            out.put("digest", g.digest());
            return out;
        });
        on("PUT", base + "/{vmid}/config", c -> {
            Guest g = cluster.guest(c.node(), type, c.integer("vmid"));
            updateConfig(c, g);
            return null;
        });
        if (qemu) {
            on("POST", base + "/{vmid}/config", c -> {
                Guest g = cluster.guest(c.node(), type, c.integer("vmid"));
                updateConfig(c, g);
                Task t = cluster.startTask(c.node(), "qmconfig", String.valueOf(g.vmid), c.user());
                t.log("update VM " + g.vmid + ": " + c.params().keySet());
                return cluster.schedule(t);
            });
        }
        on("GET", base + "/{vmid}/status", c -> {
            cluster.guest(c.node(), type, c.integer("vmid"));
            List<Object> out = new ArrayList<>();
            schema.literalChildren("/nodes/{node}/" + type + "/{vmid}/status").forEach(s -> out.add(map("subdir", s)));
            return out;
        });
        on("GET", base + "/{vmid}/status/current", c -> {
            Guest g = cluster.guest(c.node(), type, c.integer("vmid"));
            Map<String, Object> e = guestEntry(g);
            if (qemu) {
                e.put("qmpstatus", g.paused ? "paused" : g.status);
                e.put("agent", g.config.getOrDefault("agent", "0").startsWith("1") ? 1 : 0);
                e.put("running-machine", "pc-q35-10.0+pve1");
                e.put("running-qemu", "10.0.2");
            }
            e.put("ha", cluster.haResources.containsKey((qemu ? "vm:" : "ct:") + g.vmid)
                    ? map("managed", 1, "state", cluster.haResources.get((qemu ? "vm:" : "ct:") + g.vmid).get("state"))
                    : map("managed", 0));
            return e;
        });
        power(type, "start", "running", c -> {
            Guest g = cluster.guest(c.node(), type, c.integer("vmid"));
            if ("running".equals(g.status)) {
                throw ApiError.die((qemu ? "VM " : "CT ") + g.vmid + " already running");
            }
            if (g.template()) {
                throw ApiError.die("you can't start a " + (qemu ? "vm" : "ct") + " if it's a template");
            }
            return g;
        });
        power(type, "stop", "stopped", c -> cluster.guest(c.node(), type, c.integer("vmid")));
        power(type, "shutdown", "stopped", c -> running(c, type));
        power(type, "reboot", "running", c -> running(c, type));
        power(type, "suspend", "paused", c -> running(c, type));
        power(type, "resume", "running", c -> {
            Guest g = cluster.guest(c.node(), type, c.integer("vmid"));
            if (!g.paused && qemu) {
                throw ApiError.die("VM " + g.vmid + " not paused");
            }
            return g;
        });
        on("POST", base + "/{vmid}/clone", c -> clone(c, type));
        on("POST", base + "/{vmid}/template", c -> {
            Guest g = cluster.guest(c.node(), type, c.integer("vmid"));
            g.checkLock();
            if (g.template()) {
                throw ApiError.die("you can't convert a template to a template");
            }
            if ("running".equals(g.status)) {
                throw ApiError.die("you can't convert a running " + (qemu ? "VM" : "CT") + " to a template");
            }
            if (!qemu) {
                g.config.put("template", "1");
                return null;
            }
            Task t = cluster.startTask(c.node(), "qmtemplate", String.valueOf(g.vmid), c.user());
            g.busy = t;
            g.config.put("lock", "template");
            t.onSuccess(() -> {
                g.config.remove("lock");
                g.config.put("template", "1");
            });
            t.onFailure(() -> g.config.remove("lock"));
            return cluster.schedule(t);
        });
        on("POST", base + "/{vmid}/migrate", c -> {
            Guest g = cluster.guest(c.node(), type, c.integer("vmid"));
            String target = c.req("target");
            cluster.node(target);
            if (target.equals(g.node)) {
                throw ApiError.die("target is local node.");
            }
            g.checkLock();
            boolean online = qemu ? c.flag("online", false) : c.flag("restart", false);
            if ("running".equals(g.status) && !online) {
                throw ApiError.die(qemu ? "can't migrate running VM without --online"
                        : "CT is running - use online migration or restart mode");
            }
            Task t = cluster.startTask(c.node(), qemu ? "qmigrate" : "vzmigrate", String.valueOf(g.vmid), c.user());
            t.log((qemu ? "starting migration of VM " : "starting migration of CT ") + g.vmid + " to node '" + target + "'");
            g.config.put("lock", "migrate");
            t.onSuccess(() -> {
                g.config.remove("lock");
                g.node = target;
                cluster.volumes.stream().filter(v -> v.vmid != null && v.vmid == g.vmid && !"backup".equals(v.content))
                        .toList().forEach(v -> {
                            cluster.volumes.remove(v);
                            cluster.volumes.add(new Volume(v.volid, v.storage, target, v.content, v.format, v.size, v.vmid, v.ctime));
                        });
                t.log("migration finished successfully");
            });
            t.onFailure(() -> g.config.remove("lock"));
            return cluster.schedule(t);
        });
        on("PUT", base + "/{vmid}/resize", c -> {
            Guest g = cluster.guest(c.node(), type, c.integer("vmid"));
            if (c.has("digest") && !c.get("digest").equals(g.digest())) {
                throw ApiError.die("detected modified configuration - file changed by other user? Try again.");
            }
            if (!c.flag("skiplock", false)) {
                g.checkLock();
            }
            String disk = c.req("disk");
            String value = g.config.get(disk);
            if (value == null || !Cluster.isDiskKey(disk)) {
                throw ApiError.die("disk '" + disk + "' does not exist");
            }
            java.util.regex.Matcher m = Pattern.compile("(\\+)?(\\d+(?:\\.\\d+)?)([KMGT])?").matcher(c.req("size"));
            if (!m.matches()) {
                throw ApiError.param("size", "invalid size '" + c.get("size") + "'");
            }
            long current = bytes(sizeOf(value), "G");
            long given = bytes(m.group(2), m.group(3) == null ? "" : m.group(3));
            long target = m.group(1) != null ? current + given : given;
            if (target < current) {
                throw ApiError.die("shrinking disks is not supported");
            }
            String volid = value.split(",", 2)[0];
            String newSize = target % (1L << 30) == 0 ? (target >> 30) + "G" : (target >> 20) + "M";
            g.config.put(disk, value.contains("size=") ? value.replaceAll("size=[^,]*", "size=" + newSize) : value + ",size=" + newSize);
            cluster.volumes.stream().filter(v -> v.volid.equals(volid)).toList().forEach(v -> {
                cluster.volumes.remove(v);
                cluster.volumes.add(new Volume(v.volid, v.storage, v.node, v.content, v.format, target, v.vmid, v.ctime));
            });
            Task t = cluster.startTask(c.node(), "resize", String.valueOf(g.vmid), c.user());
            t.log("resized " + disk + " to " + newSize);
            return cluster.schedule(t);
        });
        if (qemu) {
            on("GET", base + "/{vmid}/pending", c -> {
                Guest g = cluster.guest(c.node(), type, c.integer("vmid"));
                List<Object> out = new ArrayList<>();
                typedConfig(type, g.config).forEach((k, v) -> out.add(map("key", k, "value", v)));
                out.add(map("key", "digest", "value", g.digest()));
                return out;
            });
            on("GET", base + "/{vmid}/agent/network-get-interfaces", c -> {
                Guest g = cluster.guest(c.node(), type, c.integer("vmid"));
                if (!g.config.getOrDefault("agent", "0").matches("(enabled=)?1.*")) {
                    throw ApiError.die("No QEMU guest agent configured");
                }
                if (!"running".equals(g.status)) {
                    throw ApiError.die("VM " + g.vmid + " is not running");
                }
                List<Object> ifaces = new ArrayList<>();
                ifaces.add(map("name", "lo", "hardware-address", "00:00:00:00:00:00", "ip-addresses",
                        List.of(map("ip-address-type", "ipv4", "ip-address", "127.0.0.1", "prefix", 8))));
                String mac = g.config.getOrDefault("net0", "").replaceAll("^[a-z0-9]+=([0-9A-Fa-f:]{17}).*$", "$1");
                ifaces.add(map("name", "eth0", "hardware-address", mac.toLowerCase(java.util.Locale.ROOT), "ip-addresses",
                        List.of(map("ip-address-type", "ipv4", "ip-address", "192.0.2." + (100 + g.vmid % 100), "prefix", 24))));
                return map("result", ifaces);
            });
        }
        registerSnapshots(type);
    }

    private static long bytes(String number, String unit) {
        double n = Double.parseDouble(number);
        double mult = switch (unit) {
            case "K" -> 1L << 10;
            case "M" -> 1L << 20;
            case "G" -> 1L << 30;
            case "T" -> 1L << 40;
            default -> 1;
        };
        return (long) (n * mult);
    }

    private Guest running(Call c, String type) {
        Guest g = cluster.guest(c.node(), type, c.integer("vmid"));
        if (!"running".equals(g.status)) {
            throw ApiError.die(("qemu".equals(type) ? "VM " : "CT ") + g.vmid + " not running");
        }
        return g;
    }

    private void power(String type, String action, String after, java.util.function.Function<Call, Guest> precheck) {
        boolean qemu = type.equals("qemu");
        on("POST", "/nodes/{node}/" + type + "/{vmid}/status/" + action, c -> {
            Guest g = precheck.apply(c);
            if (!(action.equals("stop") && c.flag("skiplock", false))) {
                g.checkLock();
            }
            Task t = cluster.startTask(c.node(), (qemu ? "qm" : "vz") + action, String.valueOf(g.vmid), c.user());
            g.busy = t;
            t.onSuccess(() -> {
                switch (after) {
                    case "paused" -> g.paused = true;
                    case "running" -> {
                        if (!"running".equals(g.status)) {
                            g.startedAt = cluster.now();
                        }
                        g.status = "running";
                        g.paused = false;
                    }
                    default -> {
                        g.status = "stopped";
                        g.paused = false;
                    }
                }
            });
            return cluster.schedule(t);
        });
    }

    private Object create(Call c, String type) {
        boolean qemu = type.equals("qemu");
        cluster.node(c.node());
        int vmid = c.integer("vmid");
        boolean restore = qemu ? c.has("archive") : c.flag("restore", false);
        boolean force = c.flag("force", false);
        Guest existing = cluster.guests.get(vmid);
        if (existing != null && !(restore && force && existing.type.equals(type) && existing.node.equals(c.node()))) {
            throw ApiError.die("unable to create " + (qemu ? "VM " : "CT ") + vmid + " - " + (qemu ? "VM" : "CT") + " " + vmid
                    + " already exists on node '" + existing.node + "'");
        }
        if (existing != null) {
            existing.checkLock();
            if ("running".equals(existing.status)) {
                throw ApiError.die("unable to restore " + (qemu ? "VM " : "CT ") + vmid + " - " + (qemu ? "VM" : "CT") + " is running");
            }
        }
        if (c.has("pool")) {
            cluster.pool(c.get("pool"));
        }
        Guest g;
        String taskType;
        Volume archive = null;
        if (restore) {
            String volid = qemu ? c.req("archive") : c.req("ostemplate");
            archive = cluster.volume(c.node(), volid);
            if (archive == null || !"backup".equals(archive.content) || !type.equals(archive.guestType)) {
                throw ApiError.die("volume '" + volid + "' does not exist or is not a " + type + " backup");
            }
            if (existing != null) {
                cluster.guests.remove(vmid);
                cluster.removeGuestVolumes(vmid);
            }
            g = cluster.addGuest(vmid, type, c.node());
            archive.backupConfig.forEach((k, v) -> {
                if (!k.equals("lock")) {
                    g.config.put(k, v);
                }
            });
            for (Map.Entry<String, String> e : g.config.entrySet()) {
                if (Cluster.isDiskKey(e.getKey()) && !e.getValue().contains("media=cdrom")) {
                    String v = e.getValue();
                    int colon = v.indexOf(':');
                    int comma = v.indexOf(',');
                    String size = sizeOf(v);
                    String storage = c.get("storage") != null ? c.get("storage") : v.substring(0, colon);
                    e.setValue(storage + ":" + size + (comma < 0 ? "" : v.substring(comma)).replaceAll(",size=[^,]*", ""));
                }
            }
            applyParams(c, g);
            taskType = qemu ? "qmrestore" : "vzrestore";
        } else {
            if (!qemu) {
                String ost = c.req("ostemplate");
                Volume tmpl = cluster.volume(c.node(), ost);
                if (tmpl == null || !"vztmpl".equals(tmpl.content)) {
                    throw ApiError.die("volume '" + ost + "' does not exist");
                }
            }
            g = cluster.addGuest(vmid, type, c.node());
            applyParams(c, g);
            if (!qemu) {
                g.config.putIfAbsent("rootfs", c.get("storage") == null ? firstStorageFor("rootdir") + ":8"
                        : c.get("storage") + ":8");
                g.config.putIfAbsent("arch", "amd64");
                g.config.putIfAbsent("ostype", "debian");
            } else {
                g.config.putIfAbsent("smbios1", "uuid=" + java.util.UUID.nameUUIDFromBytes(("vm" + vmid).getBytes()));
                g.config.putIfAbsent("vmgenid", java.util.UUID.nameUUIDFromBytes(("gen" + vmid).getBytes()).toString());
                g.config.putIfAbsent("meta", "creation-qemu=10.0.2,ctime=" + cluster.now());
            }
            taskType = qemu ? "qmcreate" : "vzcreate";
        }
        try {
            cluster.allocateDisks(g);
        } catch (ApiError e) {
            cluster.guests.remove(vmid);
            throw e;
        }
        assignMacs(g);
        Task t = cluster.startTask(c.node(), taskType, String.valueOf(vmid), c.user());
        g.config.put("lock", "create");
        g.busy = t;
        if (c.has("pool")) {
            g.pool = c.get("pool");
        }
        boolean start = c.flag("start", false);
        t.onSuccess(() -> {
            g.config.remove("lock");
            if (start) {
                g.status = "running";
                g.startedAt = cluster.now();
            }
        });
        t.onFailure(() -> {
            cluster.guests.remove(vmid);
            cluster.removeGuestVolumes(vmid);
        });
        return cluster.schedule(t);
    }

    private static String sizeOf(String diskValue) {
        java.util.regex.Matcher m = Pattern.compile("size=(\\d+(?:\\.\\d+)?)([KMGT]?)").matcher(diskValue);
        if (!m.find()) {
            return "1";
        }
        double n = Double.parseDouble(m.group(1));
        double gib = switch (m.group(2)) {
            case "T" -> n * 1024;
            case "M" -> n / 1024;
            case "K" -> n / 1024 / 1024;
            case "G" -> n;
            default -> n / (1L << 30);
        };
        return gib == Math.rint(gib) ? String.valueOf((long) gib) : String.valueOf(gib);
    }

    private String firstStorageFor(String content) {
        return cluster.storages.values().stream().filter(s -> s.content.contains(content)).map(s -> s.id).findFirst()
                .orElse("local");
    }

    private void applyParams(Call c, Guest g) {
        c.params().forEach((k, v) -> {
            if (!GUEST_META.contains(k)) {
                g.config.put(k, v);
            }
        });
    }

    private void assignMacs(Guest g) {
        for (Map.Entry<String, String> e : g.config.entrySet()) {
            if (!e.getKey().matches("net\\d+")) {
                continue;
            }
            int idx = AsciiNumbers.parseInt(e.getKey().substring(3));
            String v = e.getValue();
            if (g.qemu()) {
                // "virtio,bridge=vmbr0" -> "virtio=MAC,bridge=vmbr0"
                String first = v.split(",", 2)[0];
                if (!first.contains("=") || first.startsWith("model=")) {
                    String model = first.startsWith("model=") ? first.substring(6) : first;
                    String rest = v.contains(",") ? v.substring(v.indexOf(',')) : "";
                    e.setValue(model + "=" + Cluster.mac(g.vmid, idx) + rest.replaceAll(",macaddr=[^,]*", ""));
                }
            } else if (!v.contains("hwaddr=")) {
                e.setValue(v + ",hwaddr=" + Cluster.mac(g.vmid, idx));
            }
        }
    }

    private void updateConfig(Call c, Guest g) {
        if (c.has("digest") && !c.get("digest").equals(g.digest())) {
            throw ApiError.die("detected modified configuration - file changed by other user? Try again.");
        }
        if (!c.flag("skiplock", false)) {
            g.checkLock();
        }
        List<String> deletes = c.has("delete") ? Arrays.stream(LIST_SPLIT.split(c.get("delete"))).filter(s -> !s.isEmpty()).toList()
                : List.of();
        Map<String, String> sets = new LinkedHashMap<>();
        c.params().forEach((k, v) -> {
            if (!GUEST_META.contains(k)) {
                sets.put(k, v);
            }
        });
        for (String d : deletes) {
            if (sets.containsKey(d)) {
                throw ApiError.param(d, "unable to delete parameter that is set");
            }
        }
        if (g.template()) {
            for (String k : sets.keySet()) {
                if (Cluster.isDiskKey(k)) {
                    throw ApiError.die("you can't change disks of a template");
                }
            }
        }
        if (sets.isEmpty() && deletes.isEmpty() && !c.has("revert")) {
            throw ApiError.die("no options specified");
        }
        for (String d : deletes) {
            String old = g.config.remove(d);
            if (old != null && Cluster.isDiskKey(d) && !d.startsWith("unused") && !old.contains("media=cdrom")) {
                int i = 0;
                while (g.config.containsKey("unused" + i)) {
                    i++;
                }
                g.config.put("unused" + i, old.split(",", 2)[0]);
            }
        }
        g.config.putAll(sets);
        cluster.allocateDisks(g);
        assignMacs(g);
    }

    private Object clone(Call c, String type) {
        boolean qemu = type.equals("qemu");
        Guest src = cluster.guest(c.node(), type, c.integer("vmid"));
        int newid = c.integer("newid");
        if (cluster.guests.containsKey(newid)) {
            throw ApiError.die("unable to create " + (qemu ? "VM " : "CT ") + newid + ": config file already exists");
        }
        String target = c.get("target") == null ? src.node : c.get("target");
        cluster.node(target);
        if (!src.template()) {
            src.checkLock();
        } else if (src.busy != null && "running".equals(src.busy.status) && src.config.containsKey("lock")) {
            src.checkLock();
        }
        boolean full = c.flag("full", !src.template());
        if (!full && !src.template()) {
            throw ApiError.die("Linked clone feature is not supported for a non-template " + (qemu ? "VM" : "CT"));
        }
        if (!full && c.has("storage")) {
            throw ApiError.param("storage", "parameter 'storage' not allowed for linked clones");
        }
        Map<String, String> from = src.config;
        if (c.has("snapname")) {
            Snapshot s = src.snapshots.get(c.get("snapname"));
            if (s == null) {
                throw ApiError.die("snapshot '" + c.get("snapname") + "' does not exist");
            }
            from = s.config;
        }
        if (c.has("pool")) {
            cluster.pool(c.get("pool"));
        }
        Guest dst = cluster.addGuest(newid, type, target);
        dst.pool = c.get("pool");
        from.forEach((k, v) -> {
            if (!Set.of("lock", "template", "parent", "snapstate", "vmstate", "snaptime").contains(k)) {
                dst.config.put(k, v);
            }
        });
        if (c.has("name")) {
            dst.config.put(qemu ? "name" : "hostname", c.get("name"));
        } else if (c.has("hostname")) {
            dst.config.put("hostname", c.get("hostname"));
        } else if (qemu) {
            dst.config.put("name", "Copy-of-VM-" + src.name());
        }
        if (c.has("description")) {
            dst.config.put("description", c.get("description"));
        }
        try {
            cluster.copyDisks(src, dst, full ? c.get("storage") : null);
        } catch (ApiError e) {
            cluster.guests.remove(newid);
            throw e;
        }
        dst.config.replaceAll((k, v) -> k.matches("net\\d+") ? v.replaceAll("=([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}", "") .replaceAll(",hwaddr=[^,]*", "") : v);
        assignMacs(dst);
        Task t = cluster.startTask(c.node(), qemu ? "qmclone" : "vzclone", String.valueOf(src.vmid), c.user());
        t.log("create " + (full ? "full" : "linked") + " clone of " + (qemu ? "VM " : "CT ") + src.vmid + " to " + newid);
        dst.config.put("lock", "clone");
        dst.busy = t;
        boolean lockSource = !src.template();
        if (lockSource) {
            src.config.put("lock", "clone");
            src.busy = t;
        }
        t.onSuccess(() -> {
            dst.config.remove("lock");
            if (lockSource) {
                src.config.remove("lock");
            }
        });
        t.onFailure(() -> {
            cluster.guests.remove(newid);
            cluster.removeGuestVolumes(newid);
            if (lockSource) {
                src.config.remove("lock");
            }
        });
        return cluster.schedule(t);
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
        on("GET", base + "/{snapname}/config", c -> typedConfig(type, snapshot(c, type).config));
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

    // ---------------------------------------------------------------- shared renderings

    private Map<String, Object> guestEntry(Guest g) {
        return guestEntry(g, diskBytes(g));
    }

    /** Disk bytes per guest in one pass over the volumes, for listings of many guests. */
    private Map<Integer, Long> diskBytesByGuest() {
        Map<Integer, Long> out = new java.util.HashMap<>();
        for (Volume v : cluster.volumes) {
            if (v.vmid != null && !"backup".equals(v.content)) {
                out.merge(v.vmid, v.size, Long::sum);
            }
        }
        return out;
    }

    private Map<String, Object> guestEntry(Guest g, long diskBytes) {
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

    private long diskBytes(Guest g) {
        long total = 0;
        for (Volume v : cluster.volumes) {
            if (v.vmid != null && v.vmid == g.vmid && !"backup".equals(v.content)) {
                total += v.size;
            }
        }
        return total;
    }

    private static long parseLong(String s, long dflt) {
        try {
            return AsciiNumbers.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** Renders a config with integer/number/boolean keys typed as the create schema declares them. */
    private Map<String, Object> typedConfig(String type, Map<String, String> cfg) {
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

    private boolean can(Call c, String path, String priv) {
        return c.principal() == null || auth.privileges(c.principal(), path).contains(priv);
    }

    /** A LinkedHashMap from alternating keys and values. */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
