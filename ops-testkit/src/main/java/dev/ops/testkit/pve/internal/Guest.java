package dev.ops.testkit.pve.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A guest (VM or container) of the fake cluster: its config, snapshots, run state and agent files. */
public final class Guest {
    public final int vmid;
    public final String type;
    public String node;
    public final Map<String, String> config = new LinkedHashMap<>();
    public final Map<String, Cluster.Snapshot> snapshots = new LinkedHashMap<>();
    public String status = "stopped";
    public boolean paused;
    public long startedAt;
    /** The resource pool the guest belongs to, or null. */
    public String pool;
    /** The task holding the guest's file lock, or null. */
    public Task busy;
    /** Files inside the guest as its QEMU guest agent reads and writes them, by path. */
    public final Map<String, byte[]> agentFiles = new LinkedHashMap<>();
    /** Commands run through the guest agent, by pid: exit code, stdout, stderr. */
    public final Map<Integer, String[]> agentExecs = new LinkedHashMap<>();

    Guest(int vmid, String type, String node) {
        this.vmid = vmid;
        this.type = type;
        this.node = node;
    }

    public boolean qemu() {
        return "qemu".equals(type);
    }

    public String name() {
        return config.getOrDefault(qemu() ? "name" : "hostname", (qemu() ? "VM" : "CT") + vmid);
    }

    public boolean template() {
        return "1".equals(config.get("template"));
    }

    /** The config file as PVE writes it, snapshots included; its SHA-1 is the digest. */
    public String digest() {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(config).forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        snapshots.values().forEach(s -> {
            sb.append('[').append(s.name).append("]\n");
            new TreeMap<>(s.config).forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        });
        return Cluster.sha1Hex(sb.toString());
    }

    /** The path of the file lock PVE takes for this guest. */
    public String lockFile() {
        return qemu() ? "/var/lock/qemu-server/lock-" + vmid + ".conf" : "/run/lock/lxc/pve-config-" + vmid + ".lock";
    }

    /** Throws PVE's errors when the guest is locked by its config or by a running task. */
    public void checkLock() {
        String lock = config.get("lock");
        if (lock != null) {
            throw ApiError.die((qemu() ? "VM" : "CT") + " is locked (" + lock + ")");
        }
        if (busy != null && "running".equals(busy.status)) {
            throw ApiError.die("can't lock file '" + lockFile() + "' - got timeout");
        }
    }
}
