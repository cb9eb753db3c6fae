package dev.ops.lab.backup.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.error.NotFoundException;
import dev.ops.lab.catalog.BackupRecord;
import dev.ops.lab.catalog.internal.BackupRecordAction;
import dev.ops.pve.PveClient;
import dev.ops.pve.storage.StorageContentItem;
import java.util.Objects;

/**
 * The catalog record of a backup just taken: finds its volume by the note vzdump gave it and records
 * it {@code kept}, with its volume id and size. Undone by {@link BackupRecordAction#forget}.
 *
 * @param target the PVE client's name
 * @param node the guest's node
 * @param storage the storage the backup went to
 * @param vmid the guest's VMID
 * @param id the backup's catalog id
 * @param mode the vzdump mode
 * @param marker the note the backup volume carries
 * @param taken when it was taken (ISO-8601)
 */
public record BackupTakenAction(String target, String node, String storage, int vmid, String id, String mode, String marker, String taken)
        implements Action {
    public BackupTakenAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(taken, "taken");
    }

    @Override
    public String render() {
        return "record the backup of " + vmid + " on " + storage + " noted '" + marker + "' as " + BackupRecord.KEPT;
    }

    @Override
    public void execute(Targets targets) {
        PveClient pve = targets.resolve(target, PveClient.class);
        StorageContentItem volume = BackupVolumes.find(pve, node, storage, vmid, marker).orElseThrow(() -> new NotFoundException(
                "backup of " + vmid + " on " + storage, "vzdump finished but no backup volume noted '" + marker + "' is on the storage"));
        BackupRecord record = new BackupRecord(vmid, node, id, storage, volume.volid(), taken, mode, volume.size().orElse(0L),
                BackupRecord.KEPT, "");
        BackupRecordAction.of(record).execute(targets);
    }

}
