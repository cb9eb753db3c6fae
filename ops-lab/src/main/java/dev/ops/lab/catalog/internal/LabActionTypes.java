package dev.ops.lab.catalog.internal;

import dev.ops.lab.backup.internal.BackupTakenAction;
import dev.ops.lab.backup.internal.BackupVolumeDeleteAction;
import dev.ops.lab.layer.internal.HealthGateAction;
import dev.ops.core.change.Action;
import dev.ops.core.change.ActionTypes;
import java.util.Map;

/** The journal names of ops-lab's actions; a name, once written, is never given to another action. */
public final class LabActionTypes implements ActionTypes {
    @Override
    public Map<String, Class<? extends Action>> types() {
        return Map.ofEntries(Map.entry("lab.task-open", TaskOpenAction.class), Map.entry("lab.task-status", TaskStatusAction.class),
                Map.entry("lab.replica-record", ReplicaRecordAction.class), Map.entry("lab.replica-forget", ReplicaForgetAction.class),
                Map.entry("lab.manifest-record", ManifestRecordAction.class), Map.entry("lab.manifest-restore", ManifestRestoreAction.class),
                Map.entry("lab.health-gate", HealthGateAction.class), Map.entry("lab.convergence-record", ConvergenceRecordAction.class),
                Map.entry("lab.snapshot-record", SnapshotRecordAction.class), Map.entry("lab.backup-record", BackupRecordAction.class),
                Map.entry("lab.backup-taken", BackupTakenAction.class), Map.entry("lab.backup-volume-delete", BackupVolumeDeleteAction.class));
    }
}
