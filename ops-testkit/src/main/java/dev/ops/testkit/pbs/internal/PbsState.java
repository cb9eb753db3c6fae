package dev.ops.testkit.pbs.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The fake server's state: datastores with namespaces and snapshots, and the host's time zone. Guarded by itself. */
public final class PbsState {
    /** One snapshot. */
    public static final class Snap {
        public final String type;
        public final String id;
        public final long time;
        public boolean finished;
        public boolean isProtected;
        public String notes = "";
        public String verification;
        /** Whether verifying it finds damaged chunks (a test's seed). */
        public boolean corrupt;
        public long size;
        public String owner = "root@pam";

        public Snap(String type, String id, long time) {
            this.type = type;
            this.id = id;
            this.time = time;
        }

        /** {@code type/id}. */
        public String group() {
            return type + "/" + id;
        }

        /** {@code type/id/RFC3339}. */
        public String path() {
            return group() + "/" + Instant.ofEpochSecond(time);
        }
    }

    /** One datastore. */
    public static final class Store {
        public final String name;
        public final long total;
        /** How the last garbage collection ended, null when none ran, and when. */
        public String gcState;
        public long gcEnd;
        public final TreeSet<String> namespaces = new TreeSet<>(List.of(""));
        /** Snapshots by namespace, then by path. */
        public final Map<String, TreeMap<String, Snap>> snapshots = new TreeMap<>();

        public Store(String name, long total) {
            this.name = name;
            this.total = total;
        }

        /** The snapshots of namespace {@code ns}, created on first use. */
        public TreeMap<String, Snap> in(String ns) {
            return snapshots.computeIfAbsent(ns, k -> new TreeMap<>());
        }

        /** Bytes used by every snapshot. */
        public long used() {
            return snapshots.values().stream().flatMap(m -> m.values().stream()).mapToLong(s -> s.size).sum();
        }
    }

    public final Map<String, Store> stores = new LinkedHashMap<>();
    public String timeZone = "UTC";
    /** Moves on with every change of this state that is not a request (a test's seeding): cached listings go stale. */
    public long version;
    /** Whether snapshot and group listings come in a scrambled order (PBS promises none). */
    public boolean scrambled;
    /** The tasks, run by the PVE fake's task engine; its monitor guards this whole state. */
    public final PbsTasks tasks;
    /** Configuration entries by section ({@code prune}, {@code verify}, {@code sync}, {@code remote}, {@code traffic-control}), then id. */
    public final Map<String, Map<String, Map<String, Object>>> config = new LinkedHashMap<>();
    /** The last run of each job, by section and id: {@code last-run-upid}, {@code last-run-state}, {@code last-run-endtime}. */
    public final Map<String, Map<String, Object>> jobRuns = new LinkedHashMap<>();
    /** Since when each scheduled job's schedule is counted, by section and id: its creation, then the scheduler's last start of it. */
    public final Map<String, java.time.Instant> scheduledSince = new LinkedHashMap<>();

    public PbsState(java.time.Duration taskDuration) {
        this.tasks = new PbsTasks(taskDuration);
    }

    /** The entries of a configuration section, created on first use. */
    public Map<String, Map<String, Object>> section(String name) {
        return config.computeIfAbsent(name, k -> new TreeMap<>());
    }
    public final List<String> log = new ArrayList<>();
}
