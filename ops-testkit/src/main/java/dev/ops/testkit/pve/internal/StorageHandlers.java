package dev.ops.testkit.pve.internal;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.testkit.pve.internal.Cluster.Storage;
import dev.ops.testkit.pve.internal.Cluster.Volume;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Storages and their content: configs, per-node status and content, upload, download-url, volume deletion, and backups ({@code vzdump}). Every handler runs while holding the cluster monitor.
 */
final class StorageHandlers extends HandlerSection {
    private static final DateTimeFormatter BACKUP_TIME = DateTimeFormatter.ofPattern("yyyy_MM_dd-HH_mm_ss").withZone(ZoneOffset.UTC);
    private static final Pattern LIST_SPLIT = Pattern.compile("[,;\\s]+");


    StorageHandlers(Cluster cluster, Views views) {
        super(cluster, views);
    }

    @Override
    void routes() {
        registerStorage();
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
                if (views.can(c, "/storage/" + s.id, "Datastore.Audit") || views.can(c, "/storage/" + s.id, "Datastore.AllocateSpace")) {
                    out.add(views.storageEntry(c.node(), s));
                }
            }
            return out;
        });
        on("GET", "/nodes/{node}/storage/{storage}/status", c -> {
            cluster.node(c.node());
            return views.storageEntry(c.node(), cluster.storage(c.req("storage")));
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
        on("GET", "/nodes/{node}/aplinfo", c -> {
            cluster.node(c.node());
            return APPLIANCES.stream().map(a -> (Object) new LinkedHashMap<>(a)).toList();
        });
        on("POST", "/nodes/{node}/aplinfo", c -> {
            cluster.node(c.node());
            Storage s = cluster.storage(c.req("storage"));
            requireContent(s, "vztmpl");
            String template = c.req("template");
            if (APPLIANCES.stream().noneMatch(a -> a.get("template").equals(template))) {
                throw ApiError.die("no such template");
            }
            String volid = s.id + ":vztmpl/" + template;
            Task t = cluster.startTask(c.node(), "download", template, c.user());
            t.log("starting template download from the appliance index (simulated): " + template);
            t.onSuccess(() -> {
                if (cluster.volume(c.node(), volid) == null) {
                    cluster.volumes.add(new Volume(volid, s.id, c.node(), "vztmpl", "tzst", 120L << 20, null, cluster.now()));
                }
            });
            return cluster.schedule(t);
        });
    }

    /** A few entries of the appliance index ({@code pveam available}), as {@code aplinfo} lists them. */
    private static final List<Map<String, Object>> APPLIANCES = List.of(
            appliance("system", "debian-12-standard_12.12-1_amd64.tar.zst", "debian-12", "Debian 12 Bookworm (standard)"),
            appliance("system", "ubuntu-24.04-standard_24.04-2_amd64.tar.zst", "ubuntu-24.04", "Ubuntu 24.04 Noble (standard)"),
            appliance("system", "alpine-3.22-default_20250617_amd64.tar.xz", "alpine-3.22", "Alpine Linux 3.22 (default)"),
            appliance("turnkeylinux", "debian-12-turnkey-nextcloud_18.1-1_amd64.tar.gz", "debian-12", "TurnKey Nextcloud"));

    private static Map<String, Object> appliance(String section, String template, String os, String headline) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("template", template);
        a.put("package", template.substring(0, template.indexOf('_')));
        a.put("version", template.substring(template.indexOf('_') + 1, template.lastIndexOf('_')));
        a.put("os", os);
        a.put("section", section);
        a.put("type", "lxc");
        a.put("headline", headline);
        a.put("description", headline);
        a.put("architecture", "amd64");
        a.put("maintainer", "Proxmox Support Team <support@proxmox.com>");
        a.put("source", "http://download.proxmox.com/images/" + section + "/" + template);
        a.put("location", "http://download.proxmox.com/images/" + section + "/" + template);
        a.put("infopage", "https://pve.proxmox.com/wiki/Linux_Container#pct_supported_distributions");
        a.put("sha512sum", "0".repeat(128));
        return a;
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
            if (!views.can(c, "/vms/" + g.vmid, "VM.Backup")) {
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
}
