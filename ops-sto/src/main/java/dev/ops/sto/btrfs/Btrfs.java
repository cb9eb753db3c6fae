package dev.ops.sto.btrfs;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import dev.ops.core.retention.RetentionPlan;
import dev.ops.core.retention.RetentionPolicy;
import dev.ops.sto.btrfs.internal.BtrfsHost;
import dev.ops.sto.btrfs.internal.DefaultSubvolumeChange;
import dev.ops.sto.btrfs.internal.PruneChange;
import dev.ops.sto.btrfs.internal.SnapshotBatchChange;
import dev.ops.sto.btrfs.internal.SubvolumeChange;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Btrfs on a host: subvolumes and snapshots made present or absent, the default subvolume set,
 * snapshots pruned by a retention policy; reads of one subvolume, of all of a file system's, and
 * of its quota groups. Paths are absolute paths on the host and may hold spaces and newlines.
 *
 * <pre>{@code
 * Btrfs btrfs = Btrfs.on(host, ops);
 * btrfs.subvolume("/srv/data/vm-101").present().apply();
 * btrfs.snapshot("/srv/data/.snapshots/vm-101@pre-upgrade").of("/srv/data/vm-101").present().apply();
 * btrfs.snapshotsOf("/srv/data/vm-101").prune(policy).plan();   // which go, which rule keeps the rest
 * }</pre>
 */
public final class Btrfs {
    private final Host host;
    private final Ops ops;

    private Btrfs(Host host, Ops ops) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = Objects.requireNonNull(ops, "ops");
    }

    /** Btrfs of {@code host}, changed through {@code ops}. */
    public static Btrfs on(Host host, Ops ops) {
        return new Btrfs(host, ops);
    }

    /** The subvolume at {@code path}; empty when nothing is there. A path that is not a subvolume throws {@link SubvolumeConflictException}. */
    public Optional<Subvolume> get(String path) {
        checked("path", path);
        return BtrfsHost.show(host, "path", path).map(s -> s.subvolume());
    }

    /** Every subvolume of the file system that holds {@code path}, paths below its top level. */
    public List<Subvolume> list(String path) {
        checked("path", path);
        return BtrfsHost.list(host, path);
    }

    /** The quota groups of the file system that holds {@code path}; empty when quotas are not enabled. */
    public List<Qgroup> qgroups(String path) {
        checked("path", path);
        return BtrfsHost.qgroups(host, path);
    }

    /** The subvolume at {@code path}, to make {@link SubvolumeSetting#present() present} or {@link SubvolumeSetting#absent() absent}. */
    public SubvolumeSetting subvolume(String path) {
        return new SubvolumeSetting(path);
    }

    /** A snapshot at {@code path}; say {@link SnapshotSetting#of of} what before making it present. */
    public SnapshotSetting snapshot(String path) {
        return new SnapshotSetting(path, null, true);
    }

    /** The file system's default subvolume, to {@link DefaultSetting#set set}. */
    public DefaultSetting defaultSubvolume() {
        return new DefaultSetting();
    }

    /** The read-only snapshots of the subvolume at {@code source}: made or deleted in batches, or {@link Snapshots#prune pruned}. */
    public Snapshots snapshotsOf(String source) {
        return new Snapshots(source);
    }

    private void checked(String field, String path) {
        Violations v = Violations.of("btrfs path");
        BtrfsHost.checkPath(v, field, path);
        v.throwIfAny();
    }

    /** One subvolume path. */
    public final class SubvolumeSetting {
        private final String path;

        private SubvolumeSetting(String path) {
            this.path = path;
        }

        /** The change that creates the subvolume if it is missing; rollback deletes what it created. */
        public Change<Subvolume> present() {
            return SubvolumeChange.subvolume(host, ops, path);
        }

        /** The change that deletes the subvolume (or snapshot) if it is there; yields whether it is gone. Cannot be undone. */
        public Change<Boolean> absent() {
            return SubvolumeChange.absent(host, ops, path);
        }
    }

    /** One snapshot path; immutable, each call returns a new one. */
    public final class SnapshotSetting {
        private final String path;
        private final String source;
        private final boolean readOnly;

        private SnapshotSetting(String path, String source, boolean readOnly) {
            this.path = path;
            this.source = source;
            this.readOnly = readOnly;
        }

        /** The subvolume to snapshot. */
        public SnapshotSetting of(String source) {
            return new SnapshotSetting(path, Objects.requireNonNull(source, "source"), readOnly);
        }

        /** A writable snapshot instead of a read-only one. */
        public SnapshotSetting writable() {
            return new SnapshotSetting(path, source, false);
        }

        /**
         * The change that snapshots the source at the path if no snapshot of it is there; a
         * subvolume there that is not a snapshot of the source is a {@link SubvolumeConflictException}.
         * Rollback deletes the snapshot it made.
         */
        public Change<Subvolume> present() {
            if (source == null) {
                Violations.of("btrfs snapshot").add("source", "must be set with of(source)").throwIfAny();
            }
            return SubvolumeChange.snapshot(host, ops, path, source, readOnly);
        }

        /** The change that deletes the snapshot if it is there. Cannot be undone. */
        public Change<Boolean> absent() {
            return SubvolumeChange.absent(host, ops, path);
        }
    }

    /** The default subvolume of a file system. */
    public final class DefaultSetting {
        private DefaultSetting() {}

        /** The change that makes the subvolume at {@code path} its file system's default; rollback restores the old default. */
        public Change<Subvolume> set(String path) {
            return DefaultSubvolumeChange.of(host, ops, path);
        }
    }

    /** The read-only snapshots of one subvolume. */
    public final class Snapshots {
        private final String source;

        private Snapshots(String source) {
            this.source = source;
        }

        /**
         * The change that deletes the snapshots {@code policy} lets go, as of now; the plan lists
         * every snapshot with the rule that keeps it or the reason it goes.
         */
        public Change<RetentionPlan> prune(RetentionPolicy policy) {
            return prune(policy, Clock.systemUTC());
        }

        /**
         * The change that makes read-only snapshots of the subvolume at every one of {@code paths}
         * (those that are there already stay), as one batch: one read of the file system to plan, one
         * shell on the host for every {@code btrfs} command. Rollback deletes the snapshots it made,
         * also when the batch stops half-way. Yields the snapshots.
         */
        public Change<List<Subvolume>> present(List<String> paths) {
            return SnapshotBatchChange.present(host, ops, source, paths);
        }

        /** The change that deletes the snapshots of the subvolume at any of {@code paths}, as one batch. Cannot be undone; yields how many went. */
        public Change<Integer> absent(List<String> paths) {
            return SnapshotBatchChange.absent(host, ops, source, paths);
        }

        /** {@link #prune(RetentionPolicy)} as of {@code clock}'s time. */
        public Change<RetentionPlan> prune(RetentionPolicy policy, Clock clock) {
            return PruneChange.of(host, ops, source, Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(clock, "clock"));
        }
    }
}
