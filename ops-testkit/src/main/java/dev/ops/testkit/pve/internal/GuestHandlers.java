package dev.ops.testkit.pve.internal;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.testkit.pve.internal.Cluster.Snapshot;
import dev.ops.testkit.pve.internal.Cluster.Volume;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * QEMU VMs and LXC containers: create, clone, config with digests, power actions, resize, template, migrate, destroy. Every handler runs while holding the cluster monitor.
 */
final class GuestHandlers extends HandlerSection {
    private static final Set<String> GUEST_META = Set.of("node", "vmid", "digest", "delete", "revert", "skiplock",
            "background_delay", "force", "start", "archive", "storage", "pool", "unique", "bwlimit", "live-restore",
            "ostemplate", "restore", "password", "ssh-public-keys", "ignore-unpack-errors", "ha-managed",
            "import-working-storage");
    private static final Pattern LIST_SPLIT = Pattern.compile("[,;\\s]+");

    private final ApiSchema schema;

    GuestHandlers(Cluster cluster, Views views, ApiSchema schema) {
        super(cluster, views);
        this.schema = schema;
    }

    @Override
    void routes() {
        for (String type : List.of("qemu", "lxc")) {
            registerGuests(type);
        }
    }

    // ---------------------------------------------------------------- guests

    private void registerGuests(String type) {
        String base = "/nodes/{node}/" + type;
        boolean qemu = type.equals("qemu");
        String prefix = qemu ? "qm" : "vz";
        onCacheable(base, c -> {
            cluster.node(c.node());
            List<Object> out = new ArrayList<>();
            Map<Integer, Long> disks = views.diskBytesByGuest();
            for (Guest g : cluster.guests.values()) {
                if (g.type.equals(type) && g.node.equals(c.node()) && views.can(c, "/vms/" + g.vmid, "VM.Audit")) {
                    out.add(views.guestEntry(g, disks.getOrDefault(g.vmid, 0L)));
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
            Map<String, Object> out = views.typedConfig(type, cfg);
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
            Map<String, Object> e = views.guestEntry(g);
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
                views.typedConfig(type, g.config).forEach((k, v) -> out.add(map("key", k, "value", v)));
                out.add(map("key", "digest", "value", g.digest()));
                return out;
            });
        }
        new SnapshotHandlers(cluster, views, type).register(registry());
        if (qemu) {
            new AgentHandlers(cluster, views).register(registry());
        }
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
            return cluster.schedule(t, action.equals("start") ? SdnHandlers.missingBridge(cluster, g) : null);
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
}
