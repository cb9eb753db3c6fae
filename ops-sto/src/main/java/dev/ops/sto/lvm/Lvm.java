package dev.ops.sto.lvm;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.host.Host;
import dev.ops.sto.lvm.internal.LvmChange;
import dev.ops.sto.lvm.internal.LvmChange.Kind;
import dev.ops.sto.lvm.internal.LvmHost;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * LVM on a host: physical volumes, volume groups, logical volumes (thick, or thin in a pool) and
 * snapshots as changes; reads of each through LVM's JSON reports.
 *
 * <pre>{@code
 * Lvm lvm = Lvm.on(host, ops);
 * lvm.snapshot("pve/root-pre-upgrade").of("pve/root").size(8L << 30).present().apply();
 * Applied<MergeOutcome> back = lvm.snapshot("pve/root-pre-upgrade").rollback().apply();   // deferred while / is mounted
 * }</pre>
 */
public final class Lvm {
    private final Host host;
    private final Ops ops;

    private Lvm(Host host, Ops ops) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = Objects.requireNonNull(ops, "ops");
    }

    /** LVM of {@code host}, changed through {@code ops}. */
    public static Lvm on(Host host, Ops ops) {
        return new Lvm(host, ops);
    }

    /** Every physical volume. */
    public List<PhysicalVolume> pvs() {
        return LvmHost.pvs(host);
    }

    /** Every volume group. */
    public List<VolumeGroup> vgs() {
        return LvmHost.vgs(host);
    }

    /** Every logical volume, snapshots and thin pools included. */
    public List<LogicalVolume> lvs() {
        return LvmHost.lvs(host);
    }

    /** The logical volume {@code vg/lv}, or empty. */
    public Optional<LogicalVolume> get(String fullName) {
        return LvmHost.lv(host, fullName);
    }

    /** The physical volume on {@code device}. */
    public PvSetting pv(String device) {
        return new PvSetting(device);
    }

    /** The volume group {@code name}. */
    public VgSetting vg(String name) {
        return new VgSetting(name, List.of());
    }

    /** The logical volume {@code vg/lv}. */
    public LvSetting lv(String fullName) {
        return new LvSetting(fullName, 0, "");
    }

    /** The snapshot {@code vg/lv}. */
    public SnapshotSetting snapshot(String fullName) {
        return new SnapshotSetting(fullName, "", 0);
    }

    /** One physical volume. */
    public final class PvSetting {
        private final String device;

        private PvSetting(String device) {
            this.device = device;
        }

        /** The change that runs {@code pvcreate} on the device when it is not a PV; rollback runs {@code pvremove}. */
        public Change<PhysicalVolume> present() {
            return LvmChange.of(host, ops, Kind.PV_PRESENT, device, List.of(), 0);
        }

        /** The change that runs {@code pvremove} (refused while in a volume group); rollback runs {@code pvcreate}. */
        public Change<Boolean> absent() {
            return LvmChange.of(host, ops, Kind.PV_ABSENT, device, List.of(), 0);
        }
    }

    /** One volume group; immutable. */
    public final class VgSetting {
        private final String name;
        private final List<String> devices;

        private VgSetting(String name, List<String> devices) {
            this.name = name;
            this.devices = devices;
        }

        /** Its physical volumes, for {@link #present()}. */
        public VgSetting on(String... devices) {
            return new VgSetting(name, List.of(devices));
        }

        /** The change that runs {@code vgcreate} when it is missing; rollback runs {@code vgremove}. */
        public Change<VolumeGroup> present() {
            return LvmChange.of(host, ops, Kind.VG_PRESENT, name, devices, 0);
        }

        /** The change that runs {@code vgremove} (refused while it holds logical volumes). Cannot be undone by ops. */
        public Change<Boolean> absent() {
            return LvmChange.of(host, ops, Kind.VG_ABSENT, name, List.of(), 0);
        }
    }

    /** One logical volume; immutable. */
    public final class LvSetting {
        private final String name;
        private final long size;
        private final String pool;

        private LvSetting(String name, long size, String pool) {
            this.name = name;
            this.size = size;
            this.pool = pool;
        }

        /** Its size in bytes (the virtual size for a thin volume). */
        public LvSetting size(long bytes) {
            return new LvSetting(name, bytes, pool);
        }

        /** Thin, in thin pool {@code pool} of the same group. */
        public LvSetting thinIn(String pool) {
            return new LvSetting(name, size, Objects.requireNonNull(pool, "pool"));
        }

        /** The change that runs {@code lvcreate} when it is missing; rollback runs {@code lvremove}. */
        public Change<LogicalVolume> present() {
            return LvmChange.of(host, ops, Kind.LV_PRESENT, name, pool.isEmpty() ? List.of() : List.of(pool), size);
        }

        /** The change that runs {@code lvremove}. Cannot be undone. */
        public Change<Boolean> absent() {
            return LvmChange.of(host, ops, Kind.LV_ABSENT, name, List.of(), 0);
        }
    }

    /** One snapshot; immutable. */
    public final class SnapshotSetting {
        private final String name;
        private final String origin;
        private final long size;

        private SnapshotSetting(String name, String origin, long size) {
            this.name = name;
            this.origin = origin;
            this.size = size;
        }

        /** The volume to snapshot ({@code vg/lv}, same group). */
        public SnapshotSetting of(String origin) {
            return new SnapshotSetting(name, Objects.requireNonNull(origin, "origin"), size);
        }

        /** The copy-on-write space of a thick snapshot, in bytes (thin snapshots take none). */
        public SnapshotSetting size(long bytes) {
            return new SnapshotSetting(name, origin, bytes);
        }

        /** The change that takes the snapshot when missing; rollback removes it. */
        public Change<LogicalVolume> present() {
            return LvmChange.of(host, ops, Kind.SNAPSHOT_PRESENT, name, origin.isEmpty() ? List.of() : List.of(origin), size);
        }

        /** The change that removes the snapshot. Cannot be undone. */
        public Change<Boolean> absent() {
            return LvmChange.of(host, ops, Kind.LV_ABSENT, name, List.of(), 0);
        }

        /**
         * The change that merges the snapshot back into its origin ({@code lvconvert --merge}); when the
         * origin is in use the merge is deferred to its next activation, and plan and outcome say so.
         * Cannot be undone.
         */
        public Change<MergeOutcome> rollback() {
            return LvmChange.of(host, ops, Kind.MERGE, name, List.of(), 0);
        }
    }
}
