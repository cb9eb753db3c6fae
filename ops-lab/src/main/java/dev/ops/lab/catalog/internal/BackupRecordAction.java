package dev.ops.lab.catalog.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.lab.catalog.BackupRecord;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A backup's catalog record written (pruned by retention), or, as an undo, the earlier record put
 * back (none: the record forgotten).
 *
 * @param vmid the guest's VMID
 * @param id the backup's catalog id
 * @param json the {@link BackupRecord} to leave; empty to leave none
 */
public record BackupRecordAction(int vmid, String id, String json) implements Action {
    public BackupRecordAction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(json, "json");
    }

    /** The action writing {@code record}. */
    public static BackupRecordAction of(BackupRecord record) {
        return new BackupRecordAction(record.vmid(), record.id(), CatalogKeys.json(record));
    }

    /** The action forgetting backup {@code id} of {@code vmid}. */
    public static BackupRecordAction forget(int vmid, String id) {
        return new BackupRecordAction(vmid, id, "");
    }

    @Override
    public String target() {
        return Targets.STATE_STORE;
    }

    @Override
    public String render() {
        if (json.isEmpty()) {
            return "forget backup " + id + " of " + vmid;
        }
        BackupRecord r = CatalogKeys.read("backup record", json.getBytes(StandardCharsets.UTF_8), BackupRecord.class);
        return "record backup " + r.volid() + " of " + vmid + " as " + r.state();
    }

    @Override
    public void execute(Targets targets) {
        CatalogKeys.restore(targets, CatalogKeys.backup(vmid, id), json);
    }

    /** Writes {@code json} as backup {@code id} of {@code vmid}, for the lab's backup change. */
    public static void write(Targets targets, int vmid, String id, String json) {
        CatalogKeys.restore(targets, CatalogKeys.backup(vmid, id), json);
    }
}
