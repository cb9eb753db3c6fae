package dev.ops.lab.catalog.internal;

import dev.ops.lab.layer.internal.HealthGateAction;
import dev.ops.core.change.Action;
import dev.ops.core.change.ActionTypes;
import java.util.Map;

/** The journal names of ops-lab's actions; a name, once written, is never given to another action. */
public final class LabActionTypes implements ActionTypes {
    @Override
    public Map<String, Class<? extends Action>> types() {
        return Map.of("lab.task-open", TaskOpenAction.class, "lab.task-status", TaskStatusAction.class,
                "lab.replica-record", ReplicaRecordAction.class, "lab.replica-forget", ReplicaForgetAction.class,
                "lab.manifest-record", ManifestRecordAction.class, "lab.manifest-restore", ManifestRestoreAction.class,
                "lab.health-gate", HealthGateAction.class, "lab.convergence-record", ConvergenceRecordAction.class,
                "lab.snapshot-record", SnapshotRecordAction.class);
    }
}
