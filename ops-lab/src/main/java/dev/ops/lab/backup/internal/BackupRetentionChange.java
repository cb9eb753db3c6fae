package dev.ops.lab.backup.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.lab.catalog.BackupRecord;
import dev.ops.lab.catalog.internal.BackupRecordAction;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.storage.StorageContentItem;
import java.util.ArrayList;
import java.util.List;

/**
 * The retention of a guest's backups: deletes the volumes of the records named (the caller chose
 * them), each deletion irreversible, and marks the records {@code pruned} with the date (that mark
 * is undone on rollback; the volumes stay deleted).
 */
public final class BackupRetentionChange extends AbstractChange<List<String>, Void> {
    private final PveClient client;
    private final Guest guest;
    private final List<BackupRecord> doomed;
    private final String now;

    /**
     * @param doomed the records of the backups to delete
     * @param now when they are pruned (ISO-8601)
     */
    public BackupRetentionChange(Ops ops, PveClient client, Guest guest, List<BackupRecord> doomed, String now) {
        super(ops);
        this.client = client;
        this.guest = guest;
        this.doomed = List.copyOf(doomed);
        this.now = now;
    }

    @Override
    public String description() {
        return "retention of the backups of " + guest + ": delete " + String.join(", ", doomed.stream().map(BackupRecord::volid).toList());
    }

    @Override
    protected Planned<Void> planSteps() {
        List<Step> steps = new ArrayList<>();
        for (BackupRecord r : doomed) {
            if (exists(r)) {
                steps.add(Step.irreversible("delete backup " + r.volid() + " of " + guest + " (retention; cannot be undone)",
                        BackupVolumeDeleteAction.delete(client.name(), r.node(), r.storage(), r.volid())));
            }
            BackupRecordAction pruned = BackupRecordAction.of(r.prunedAt(now));
            steps.add(Step.of(pruned.render(), pruned, BackupRecordAction.of(r)));
        }
        return Planned.of(steps, null);
    }

    private boolean exists(BackupRecord r) {
        return client.node(r.node()).storage(r.storage()).list("backup").stream().map(StorageContentItem::volid).anyMatch(r.volid()::equals);
    }

    @Override
    protected Targets targets() {
        return client.targets(ops).withStore(ops.store());
    }

    @Override
    protected List<String> result(Void none) {
        return doomed.stream().filter(r -> !exists(r)).map(BackupRecord::volid).toList();
    }
}
