package dev.ops.sto.zfs;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import dev.ops.core.retention.RetentionPlan;
import dev.ops.core.retention.RetentionPolicy;
import dev.ops.sto.zfs.internal.DatasetChange;
import dev.ops.sto.zfs.internal.HoldChange;
import dev.ops.sto.zfs.internal.PropertyChange;
import dev.ops.sto.zfs.internal.ScrubChange;
import dev.ops.sto.zfs.internal.SnapshotChange;
import dev.ops.sto.zfs.internal.ZfsHost;
import dev.ops.sto.zfs.internal.ZfsNames;
import dev.ops.sto.zfs.internal.ZfsPruneChange;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * ZFS on a host: pools, datasets, volumes and snapshots as changes, and reads of each.
 *
 * <pre>{@code
 * Zfs zfs = Zfs.on(host, ops);
 * zfs.dataset("tank/vm-101").property("compression", "lz4").present().apply();
 * zfs.dataset("tank/vm-101").set("recordsize", "16K").apply();          // rollback restores the old value
 * zfs.snapshot("tank/vm-101@pre-upgrade").present().apply();
 * zfs.snapshot("tank/vm-101@pre-upgrade").destroyingNewer().rollback(); // -r made explicit
 * zfs.snapshotsOf("tank/vm-101").prune(policy).plan();
 * }</pre>
 */
public final class Zfs {
    private final Host host;
    private final Ops ops;

    private Zfs(Host host, Ops ops) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = Objects.requireNonNull(ops, "ops");
    }

    /** ZFS of {@code host}, changed through {@code ops}. */
    public static Zfs on(Host host, Ops ops) {
        return new Zfs(host, ops);
    }

    /** What the host's zfs command supports (detected once per host). */
    public ZfsCapabilities capabilities() {
        return ZfsHost.capabilities(host);
    }

    /** The dataset, volume or snapshot {@code name}; empty when it does not exist. */
    public Optional<ZfsDataset> get(String name) {
        Violations v = Violations.of("zfs name");
        if (name != null && name.indexOf('@') >= 0) {
            ZfsNames.checkSnapshot(v, "name", name);
        } else {
            ZfsNames.checkDataset(v, "name", name);
        }
        v.throwIfAny();
        return ZfsHost.get(host, name);
    }

    /** {@code name} and everything below it: children, volumes and snapshots. */
    public List<ZfsDataset> list(String name) {
        Violations v = Violations.of("zfs name");
        ZfsNames.checkDataset(v, "name", name);
        v.throwIfAny();
        return ZfsHost.tree(host, name);
    }

    /** A pool, to read or scrub. */
    public PoolHandle pool(String name) {
        return new PoolHandle(name);
    }

    /** A file system, to make present or absent, or to set and inherit its properties. */
    public DatasetSetting dataset(String name) {
        return new DatasetSetting(name, 0, Map.of(), false);
    }

    /** A volume (zvol) of {@code sizeBytes}, to make present or absent. */
    public DatasetSetting volume(String name, long sizeBytes) {
        if (sizeBytes <= 0) {
            Violations.of("zfs volume").add("size", "must be positive, not " + sizeBytes).throwIfAny();
        }
        return new DatasetSetting(name, sizeBytes, Map.of(), false);
    }

    /** A snapshot ({@code dataset@name}), to make present or absent, roll back to, hold or release. */
    public SnapshotSetting snapshot(String name) {
        return new SnapshotSetting(name, false, false);
    }

    /** The snapshots of {@code dataset}, to list or prune. */
    public Snapshots snapshotsOf(String dataset) {
        return new Snapshots(dataset);
    }

    /** One pool. */
    public final class PoolHandle {
        private final String name;

        private PoolHandle(String name) {
            this.name = name;
        }

        /** Its health and scrub state; empty when there is no such pool. */
        public Optional<ZfsPool> get() {
            Violations v = Violations.of("zfs pool");
            ZfsNames.checkPool(v, "pool", name);
            v.throwIfAny();
            return ZfsHost.pool(host, name);
        }

        /** The change that starts a scrub (nothing while one runs); rollback stops it. */
        public Change<ZfsPool> scrub() {
            return ScrubChange.of(host, ops, name);
        }
    }

    /** One file system or volume; immutable, each call returns a new one. */
    public final class DatasetSetting {
        private final String name;
        private final long volumeSize;
        private final Map<String, String> properties;
        private final boolean recursive;

        private DatasetSetting(String name, long volumeSize, Map<String, String> properties, boolean recursive) {
            this.name = name;
            this.volumeSize = volumeSize;
            this.properties = properties;
            this.recursive = recursive;
        }

        /** A property to create it with ({@code zfs create -o property=value}), e.g. {@code volblocksize} for a volume. */
        public DatasetSetting property(String property, String value) {
            Map<String, String> more = new LinkedHashMap<>(properties);
            more.put(Objects.requireNonNull(property, "property"), Objects.requireNonNull(value, "value"));
            return new DatasetSetting(name, volumeSize, more, recursive);
        }

        /** Consent to destroying its children, volumes, snapshots and clones with it ({@code zfs destroy -r}); the plan names each. */
        public DatasetSetting recursive() {
            return new DatasetSetting(name, volumeSize, properties, true);
        }

        /** The change that creates it when missing; rollback destroys it. */
        public Change<ZfsDataset> present() {
            return DatasetChange.present(host, ops, name, volumeSize, properties);
        }

        /**
         * The change that destroys it when there; with dependants only after {@link #recursive()},
         * else a {@link ZfsHasChildrenException} naming them. Cannot be undone.
         */
        public Change<Boolean> absent() {
            return DatasetChange.absent(host, ops, name, recursive);
        }

        /** The change that sets {@code property} locally (e.g. {@code recordsize}, {@code compression}, {@code atime}, {@code primarycache}); rollback restores what was there. */
        public Change<ZfsProperty> set(String property, String value) {
            return PropertyChange.set(host, ops, name, property, value);
        }

        /** The change that makes {@code property} inherited again; rollback sets the old local value back. */
        public Change<ZfsProperty> inherit(String property) {
            return PropertyChange.inherit(host, ops, name, property);
        }
    }

    /** One snapshot; immutable, each call returns a new one. */
    public final class SnapshotSetting {
        private final String name;
        private final boolean recursive;
        private final boolean destroyNewer;

        private SnapshotSetting(String name, boolean recursive, boolean destroyNewer) {
            this.name = name;
            this.recursive = recursive;
            this.destroyNewer = destroyNewer;
        }

        /** Also the same snapshot of every child ({@code zfs snapshot -r}, {@code zfs destroy -r}). */
        public SnapshotSetting recursive() {
            return new SnapshotSetting(name, true, destroyNewer);
        }

        /** Consent that {@link #rollback()} destroys snapshots newer than this one ({@code zfs rollback -r}). */
        public SnapshotSetting destroyingNewer() {
            return new SnapshotSetting(name, recursive, true);
        }

        /** The change that takes the snapshot when missing; rollback destroys it. */
        public Change<ZfsDataset> present() {
            return SnapshotChange.present(host, ops, name, recursive);
        }

        /** The change that destroys the snapshot when there. Cannot be undone. */
        public Change<Boolean> absent() {
            return SnapshotChange.absent(host, ops, name, recursive);
        }

        /**
         * The change that rolls its dataset back to this snapshot; newer snapshots are destroyed only
         * after {@link #destroyingNewer()}, else a {@link NewerSnapshotsException} names them. Cannot be undone.
         */
        public Change<ZfsDataset> rollback() {
            return SnapshotChange.rollback(host, ops, name, destroyNewer);
        }

        /** The change that places user hold {@code tag} (a held snapshot cannot be destroyed); rollback releases it. */
        public Change<List<String>> hold(String tag) {
            return HoldChange.of(host, ops, name, tag, true);
        }

        /** The change that releases user hold {@code tag}; rollback places it again. */
        public Change<List<String>> release(String tag) {
            return HoldChange.of(host, ops, name, tag, false);
        }
    }

    /** The snapshots of one dataset. */
    public final class Snapshots {
        private final String dataset;

        private Snapshots(String dataset) {
            this.dataset = dataset;
        }

        /** The snapshots, oldest first. */
        public List<ZfsDataset> list() {
            Violations v = Violations.of("zfs dataset");
            ZfsNames.checkDataset(v, "dataset", dataset);
            v.throwIfAny();
            return ZfsHost.snapshots(host, dataset);
        }

        /** The change that destroys the snapshots {@code policy} lets go, as of now; the plan says which rule keeps each of the others. */
        public Change<RetentionPlan> prune(RetentionPolicy policy) {
            return prune(policy, Clock.systemUTC());
        }

        /** {@link #prune(RetentionPolicy)} as of {@code clock}'s time. */
        public Change<RetentionPlan> prune(RetentionPolicy policy, Clock clock) {
            return ZfsPruneChange.of(host, ops, dataset, Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(clock, "clock"));
        }
    }
}
