package dev.ops.pbs.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Changes;
import dev.ops.core.change.Planned;
import dev.ops.core.error.NotFoundException;
import dev.ops.pbs.BackupType;
import dev.ops.pbs.GuestBackupRequest;
import dev.ops.pbs.PbsClient;
import dev.ops.pbs.Snapshot;
import dev.ops.pbs.VerifyScope;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A PVE guest's backup into PBS as one change: vzdump to the PBS storage (ops-pve's backup change),
 * then, from what it made, verification of the new snapshot and the retention of the guest's group.
 * One journal record; the plan shows the vzdump and says the rest is planned at apply, when the
 * new snapshot is known. Nothing in it can be undone: a backup, a verification and a prune stay.
 */
public final class GuestBackupChange {
    private GuestBackupChange() {}

    public static Change<Snapshot> of(Ops ops, PbsClient pbs, PveClient pve, Guest guest, GuestBackupRequest r) {
        BackupType type = guest.type() == GuestType.QEMU ? BackupType.VM : BackupType.CT;
        String id = String.valueOf(guest.vmid());
        Change<Boolean> dump = pve.changes(ops).backup(guest, b -> {
            b.storage(r.pveStorage()).mode(r.mode());
            r.notes().ifPresent(b::notes);
        });
        return Changes.then(dump, ok -> {
            Snapshot made = newest(pbs, r, type, id);
            List<Change<?>> after = new ArrayList<>();
            if (r.verify()) {
                after.add(PbsChangeFactory.verify(ops, pbs, r.store(), r.ns(), VerifyScope.snapshot(made.ref())));
            }
            r.retention().ifPresent(policy -> after.add(PbsChangeFactory.prune(ops, pbs, r.store(), r.ns(), type, id,
                    b -> b.from(policy))));
            Change<Snapshot> read = new NewestSnapshot(ops, pbs, r, type, id);
            return after.isEmpty() ? read : Changes.then(Changes.sequence(after), done -> read);
        });
    }

    static Snapshot newest(PbsClient pbs, GuestBackupRequest r, BackupType type, String id) {
        return pbs.datastore(r.store()).snapshots(r.ns(), type, id).stream().filter(s -> !s.inProgress())
                .max(Comparator.comparing(Snapshot::time))
                .orElseThrow(() -> new NotFoundException("backup of " + type.wire() + "/" + id + " in datastore " + r.store()
                        + (r.ns().isRoot() ? "" : " ns " + r.ns()), "is not on the PBS after vzdump (does storage " + r.pveStorage()
                        + " point at this datastore and namespace?)"));
    }

    /** Plans no step; yields the group's newest snapshot as the PBS lists it now. */
    private static final class NewestSnapshot extends PbsChange<Snapshot, Void> {
        private final GuestBackupRequest r;
        private final BackupType type;
        private final String id;

        NewestSnapshot(Ops ops, PbsClient pbs, GuestBackupRequest r, BackupType type, String id) {
            super(ops, pbs);
            this.r = r;
            this.type = type;
            this.id = id;
        }

        @Override
        protected String what() {
            return "read the newest snapshot of " + type.wire() + "/" + id + " in " + r.store();
        }

        @Override
        protected Planned<Void> planSteps() {
            return Planned.none(null);
        }

        @Override
        protected Snapshot result(Void none) {
            return newest(pbs, r, type, id);
        }
    }
}
