package dev.ops.testkit.pve.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake cluster's state: nodes, guests, storages and their volumes, tasks, HA resources.
 * Every access holds the cluster's monitor ({@code synchronized (cluster)}).
 */
public final class Cluster {

    /** A node of the cluster. */
    public static final class Node {
        public final String name;
        public final int nodeid;
        public final String ip;
        public boolean online = true;

        Node(String name, int nodeid) {
            this.name = name;
            this.nodeid = nodeid;
            this.ip = "192.0.2." + (10 + nodeid);
        }
    }

    /** A storage definition; {@code shared} storages have one content list for every node. */
    public static final class Storage {
        public final String id;
        public final String type;
        public final Set<String> content;
        public final boolean shared;
        public final long total = 500L << 30;

        public Storage(String id, String type, Set<String> content, boolean shared) {
            this.id = id;
            this.type = type;
            this.content = new TreeSet<>(content);
            this.shared = shared;
        }
    }

    /** A volume on a storage. */
    public static final class Volume {
        public final String volid;
        public final String storage;
        public final String node;
        public final String content;
        public final String format;
        public final long size;
        public final Integer vmid;
        public final long ctime;
        public String notes;
        /** For backups: the guest type and its config at backup time. */
        public String guestType;
        public Map<String, String> backupConfig;

        public Volume(String volid, String storage, String node, String content, String format, long size, Integer vmid, long ctime) {
            this.volid = volid;
            this.storage = storage;
            this.node = node;
            this.content = content;
            this.format = format;
            this.size = size;
            this.vmid = vmid;
            this.ctime = ctime;
        }
    }

    /** A snapshot of a guest config. */
    public static final class Snapshot {
        public final String name;
        public final String description;
        public final String parent;
        public final long snaptime;
        public final boolean vmstate;
        public final Map<String, String> config;

        Snapshot(String name, String description, String parent, long snaptime, boolean vmstate, Map<String, String> config) {
            this.name = name;
            this.description = description;
            this.parent = parent;
            this.snaptime = snaptime;
            this.vmstate = vmstate;
            this.config = config;
        }
    }

    /** A VM ({@code qemu}) or container ({@code lxc}). */
    /** A resource pool: a comment and its storages (its guests point at it). */
    public static final class Pool {
        public String comment = "";
        public final java.util.Set<String> storages = new java.util.TreeSet<>();
    }

    /**
     * Checks the node and guest a nested path names (e.g. {@code /nodes/{node}/qemu/{vmid}/firewall/...})
     * exist, with PVE's errors when they do not.
     */
    public void requireParents(Call c) {
        if (c.get("node") != null) {
            node(c.node());
            String path = c.endpoint().template();
            if (c.get("vmid") != null && (path.contains("/qemu/") || path.contains("/lxc/"))) {
                guest(c.node(), path.contains("/qemu/") ? "qemu" : "lxc", c.integer("vmid"));
            }
        }
    }

    /** The SHA-1 of {@code text} in hex, as PVE's config digests are. */
    public static String sha1Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The pool of that id, or PVE's error for a missing one. */
    public Pool pool(String id) {
        Pool p = pools.get(id);
        if (p == null) {
            throw ApiError.die("pool '" + id + "' does not exist");
        }
        return p;
    }

    /** The UPID syntax PVE uses. */
    public static final Pattern UPID = Pattern.compile(
            "UPID:([a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?):([0-9A-F]{8}):([0-9A-F]{8}):([0-9A-F]{8}):([^:\\s]+):([^:\\s]*):([^:\\s]+):");

    public final Clock clock;
    public final Map<String, Node> nodes = new LinkedHashMap<>();
    public final Map<String, Storage> storages = new LinkedHashMap<>();
    public final List<Volume> volumes = new ArrayList<>();
    public final Map<Integer, Guest> guests = new TreeMap<>();
    public final Map<String, Task> tasks = new LinkedHashMap<>();
    public final Map<String, Map<String, String>> haResources = new LinkedHashMap<>();
    /** The cluster-wide firewall options ({@code /cluster/firewall/options}), as set. */
    public final Map<String, String> clusterFirewall = new LinkedHashMap<>();
    /** Each node's network interfaces as live ({@code /etc/network/interfaces}), by node and name. */
    public final Map<String, Map<String, Map<String, Object>>> liveNetwork = new LinkedHashMap<>();
    /** Each node's staged interfaces ({@code interfaces.new}), present only while changes are pending. */
    public final Map<String, Map<String, Map<String, Object>>> stagedNetwork = new LinkedHashMap<>();
    /** Each node's host firewall options ({@code /nodes/{node}/firewall/options}), as set. */
    public final Map<String, Map<String, String>> nodeFirewall = new LinkedHashMap<>();
    /** Resource pools by id; their guests are the guests whose {@link Guest#pool} names them. */
    public final Map<String, Pool> pools = new TreeMap<>();
    /** Firewall rule lists (ordered) by concrete list path, e.g. {@code /nodes/pve/firewall/rules}. */
    public final Map<String, List<Map<String, String>>> firewallRules = new HashMap<>();
    /** Security groups and their comments; their rules are in {@link #firewallRules}. */
    public final Map<String, String> securityGroups = new TreeMap<>();
    /** Named configuration entries of the generic collections, by concrete collection path. */
    public final Map<String, Map<String, Map<String, String>>> configEntries = new HashMap<>();
    /** The SDN configuration as last applied ({@code PUT /cluster/sdn}), by collection path; the pending one is in {@link #configEntries}. */
    public final Map<String, Map<String, Map<String, String>>> sdnRunning = new HashMap<>();
    /** What running each replication job left: last_sync, duration, fail_count, error, log lines; by job id. */
    public final Map<String, Map<String, Object>> replicationState = new LinkedHashMap<>();
    /** The cluster's name; empty for a single node in no cluster (it becomes the cluster's name when the node joins one). */
    public volatile String clusterName;
    /** The cluster a node in no cluster can join ({@code POST /cluster/config/join}), as if the network reached it; null for none. */
    public volatile JoinPeer joinPeer;
    /** The pve-manager version the fake plays ({@code 9.1.9} or {@code 8.4.18}). */
    public volatile String pveVersion = "9.1.9";
    private final Deque<String> failNext = new ArrayDeque<>();
    private final Map<String, String> failByType = new HashMap<>();
    private final AtomicInteger pids = new AtomicInteger(0x1A2B0);
    private final ScheduledExecutorService scheduler;
    private volatile Duration taskDuration;
    /** When not negative, a new task stays running for this many status reads and ends at the next. */
    private volatile int taskReads = -1;
    private final int pstart = 0x00C3D4E5;
    private long version;

    public Cluster(Clock clock, Duration taskDuration, String clusterName) {
        this.clock = clock;
        this.taskDuration = taskDuration;
        this.clusterName = clusterName;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pve-fake-tasks");
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether this node is in a cluster. */
    public boolean clustered() {
        return !clusterName.isEmpty();
    }

    /** Adds a node. */
    public void addNode(String name) {
        nodes.put(name, new Node(name, nodes.size() + 1));
    }

    /** Sets how long new tasks run. */
    public void taskDuration(Duration d) {
        this.taskDuration = d;
    }

    /**
     * Makes new tasks end by status reads instead of time: each answers {@code running} to its first
     * {@code reads} status reads and has ended at the next (zero: it ends before the call that started it
     * returns); a negative count goes back to ending by {@link #taskDuration(Duration)}.
     */
    public void taskReads(int reads) {
        this.taskReads = reads;
    }

    /** Records a status read of a task that ends by reads, ending it when its reads are used up. */
    public void statusRead(Task t) {
        if (!"running".equals(t.status) || t.readsLeft < 0) {
            return;
        }
        if (t.readsLeft == 0) {
            finish(t, t.plannedExit);
        } else {
            t.readsLeft--;
        }
    }

    /** Forgets every node, guest, storage, volume, task, pool, HA resource and firewall or config entry, and every planned task failure. */
    public void clear() {
        nodes.clear();
        storages.clear();
        volumes.clear();
        guests.clear();
        tasks.clear();
        haResources.clear();
        clusterFirewall.clear();
        liveNetwork.clear();
        stagedNetwork.clear();
        nodeFirewall.clear();
        pools.clear();
        firewallRules.clear();
        securityGroups.clear();
        configEntries.clear();
        replicationState.clear();
        failNext.clear();
        failByType.clear();
        changed();
    }

    /** Makes the next task end with this exit status. */
    public synchronized void failNextTask(String exitstatus) {
        failNext.add(exitstatus);
    }

    /** Makes every task of a type end with this exit status (null clears). */
    public synchronized void failTasks(String type, String exitstatus) {
        if (exitstatus == null) {
            failByType.remove(type);
        } else {
            failByType.put(type, exitstatus);
        }
    }

    /** Counts changes of state: every write call and every task end moves it on. */
    public long version() {
        return version;
    }

    /** Records that the state may have changed (cached answers are stale from here). */
    public void changed() {
        version++;
    }

    public long now() {
        return clock.instant().getEpochSecond();
    }

    /** The node or PVE's error for an unknown one. */
    public Node node(String name) {
        Node n = nodes.get(name);
        if (n == null) {
            throw ApiError.die("hostname lookup '" + name + "' failed - failed to get address info for: " + name
                    + ": Name or service not known");
        }
        return n;
    }

    /** The guest of that type on that node, or PVE's error. */
    public Guest guest(String node, String type, int vmid) {
        node(node);
        Guest g = guests.get(vmid);
        if (g == null || !g.type.equals(type) || !g.node.equals(node)) {
            String dir = "qemu".equals(type) ? "qemu-server" : "lxc";
            throw ApiError.die("Configuration file 'nodes/" + node + "/" + dir + "/" + vmid + ".conf' does not exist");
        }
        return g;
    }

    /** Creates a guest (no checks). */
    public Guest addGuest(int vmid, String type, String node) {
        Guest g = new Guest(vmid, type, node);
        guests.put(vmid, g);
        return g;
    }

    /** The storage or PVE's error. */
    public Storage storage(String id) {
        Storage s = storages.get(id);
        if (s == null) {
            throw ApiError.die("storage '" + id + "' does not exist");
        }
        return s;
    }

    /** The volumes a node sees on a storage. */
    public List<Volume> volumes(String node, String storage) {
        Storage s = storage(storage);
        List<Volume> out = new ArrayList<>();
        for (Volume v : volumes) {
            if (v.storage.equals(storage) && (s.shared || node.equals(v.node))) {
                out.add(v);
            }
        }
        return out;
    }

    /** Finds a volume visible from a node, or null. */
    public Volume volume(String node, String volid) {
        int colon = volid.indexOf(':');
        if (colon < 0 || !storages.containsKey(volid.substring(0, colon))) {
            return null;
        }
        for (Volume v : volumes(node, volid.substring(0, colon))) {
            if (v.volid.equals(volid)) {
                return v;
            }
        }
        return null;
    }

    private static final Pattern NEW_DISK = Pattern.compile("([a-z][a-z0-9\\-_.]*[a-z0-9]):(\\d+(?:\\.\\d+)?)(,.*)?");
    private static final Pattern DISK_KEY = Pattern.compile("(scsi|virtio|sata|ide|efidisk|tpmstate|unused)\\d+|rootfs|mp\\d+");

    /** Whether a config key names a disk. */
    public static boolean isDiskKey(String key) {
        return DISK_KEY.matcher(key).matches();
    }

    /**
     * Allocates {@code STORAGE:SIZE} disk specs of a config on the guest's node, rewriting them to
     * the allocated volume ids as PVE does.
     */
    public void allocateDisks(Guest g) {
        for (Map.Entry<String, String> e : g.config.entrySet()) {
            if (!isDiskKey(e.getKey()) || e.getValue().contains("media=cdrom")) {
                continue;
            }
            Matcher m = NEW_DISK.matcher(e.getValue());
            if (!m.matches()) {
                continue;
            }
            String storage = m.group(1);
            Storage s = storage(storage);
            String need = g.qemu() ? "images" : "rootdir";
            if (!s.content.contains(need)) {
                throw ApiError.die("storage '" + storage + "' does not support content-type '" + need + "'");
            }
            double gib = Double.parseDouble(m.group(2));
            String name = (g.template() ? "base-" : "vm-") + g.vmid + "-disk-" + nextDiskIndex(g.vmid, storage);
            String volid = storage + ":" + name;
            volumes.add(new Volume(volid, storage, g.node, g.qemu() ? "images" : "rootdir", "raw",
                    (long) (gib * (1L << 30)), g.vmid, now()));
            String rest = m.group(3) == null ? "" : m.group(3);
            e.setValue(volid + rest + (rest.contains("size=") ? "" : ",size=" + sizeText(gib)));
        }
    }

    private static String sizeText(double gib) {
        return gib == Math.rint(gib) ? (long) gib + "G" : (long) (gib * 1024) + "M";
    }

    private int nextDiskIndex(int vmid, String storage) {
        int i = 0;
        while (true) {
            String a = storage + ":vm-" + vmid + "-disk-" + i;
            String b = storage + ":base-" + vmid + "-disk-" + i;
            int idx = i;
            boolean taken = volumes.stream().anyMatch(v -> v.volid.equals(a) || v.volid.equals(b));
            if (!taken) {
                return idx;
            }
            i++;
        }
    }

    /** Copies the disks of a source guest for a clone, rewriting the target config's volume ids. */
    public void copyDisks(Guest source, Guest target, String targetStorage) {
        for (Map.Entry<String, String> e : target.config.entrySet()) {
            if (!isDiskKey(e.getKey()) || e.getValue().contains("media=cdrom")) {
                continue;
            }
            String value = e.getValue();
            int comma = value.indexOf(',');
            String volid = comma < 0 ? value : value.substring(0, comma);
            String rest = comma < 0 ? "" : value.substring(comma);
            int colon = volid.indexOf(':');
            if (colon < 0) {
                continue;
            }
            Volume src = volumes.stream().filter(v -> v.volid.equals(volid)).findFirst().orElse(null);
            String storage = targetStorage != null ? targetStorage : volid.substring(0, colon);
            storage(storage);
            String newVolid = storage + ":vm-" + target.vmid + "-disk-" + nextDiskIndex(target.vmid, storage);
            volumes.add(new Volume(newVolid, storage, target.node, src == null ? "images" : src.content, "raw",
                    src == null ? 0 : src.size, target.vmid, now()));
            e.setValue(newVolid + rest);
        }
    }

    /** Removes every volume owned by a guest (not backups). */
    public void removeGuestVolumes(int vmid) {
        volumes.removeIf(v -> v.vmid != null && v.vmid == vmid && !"backup".equals(v.content));
    }

    /** The smallest free VMID from 100. */
    public int nextId() {
        int id = 100;
        while (guests.containsKey(id)) {
            id++;
        }
        return id;
    }

    /** A random-looking but deterministic unicast MAC for a guest interface. */
    public static String mac(int vmid, int index) {
        return String.format(Locale.ROOT, "BC:24:11:%02X:%02X:%02X", (vmid >> 8) & 0xff, vmid & 0xff, index & 0xff);
    }

    /**
     * Starts a task. It completes after the task duration (synchronously when zero), then runs its
     * success or failure action under the cluster monitor.
     */
    public Task startTask(String node, String type, String id, String user) {
        Task t = new Task(node, pids.incrementAndGet(), pstart, now(), type, id == null ? "" : id, user);
        tasks.put(t.upid, t);
        return t;
    }

    /** Schedules the end of a started task (call after setting its actions). */
    public String schedule(Task t) {
        return schedule(t, null);
    }

    /** Schedules the end of a started task that fails with {@code failure} (PVE's task error text), or as planned when null. */
    public String schedule(Task t, String failure) {
        String planned = failure != null ? failure : failNext.poll();
        if (planned == null) {
            planned = failByType.getOrDefault(t.type, "OK");
        }
        String outcome = planned;
        Duration d = taskDuration;
        int reads = taskReads;
        if (reads > 0) {
            t.readsLeft = reads;
            t.plannedExit = outcome;
        } else if (reads == 0 || d.isZero() || d.isNegative()) {
            finish(t, outcome);
        } else {
            scheduler.schedule(() -> {
                synchronized (this) {
                    finish(t, outcome);
                }
            }, d.toNanos(), TimeUnit.NANOSECONDS);
        }
        return t.upid;
    }

    /** Stops a running task as {@code DELETE /nodes/{node}/tasks/{upid}} does. */
    public void stopTask(Task t) {
        if ("running".equals(t.status)) {
            finish(t, "unexpected status");
        }
    }

    private void finish(Task t, String exitstatus) {
        if (!"running".equals(t.status)) {
            return;
        }
        boolean ok = "OK".equals(exitstatus) || exitstatus.startsWith("WARNINGS:");
        if (ok) {
            if (exitstatus.startsWith("WARNINGS:")) {
                t.log.add("WARN: simulated warning");
            }
            t.onSuccess.run();
            if (t.endError != null) {
                exitstatus = t.endError;
                t.log.add("TASK ERROR: " + exitstatus);
            } else {
                t.log.add("TASK " + exitstatus);
            }
        } else {
            t.onFailure.run();
            t.log.add("TASK ERROR: " + exitstatus);
        }
        changed();
        t.exitstatus = exitstatus;
        t.endtime = now();
        t.status = "stopped";
        for (Guest g : guests.values()) {
            if (g.busy == t) {
                g.busy = null;
            }
        }
    }

    /** Stops the task scheduler. */
    public void shutdown() {
        scheduler.shutdownNow();
    }
}
