package dev.ops.lab.catalog.internal;

import dev.ops.core.store.StateStore;
import dev.ops.lab.catalog.ReplicationTask;
import dev.ops.lab.catalog.TargetResult;
import java.util.function.UnaryOperator;

/** Compare-and-set updates of a replication task's record (several controllers may update it). */
final class TaskRecords {
    private TaskRecords() {}

    static void update(StateStore store, String taskId, UnaryOperator<ReplicationTask> change) {
        String key = CatalogKeys.task(taskId);
        store.update(key, old -> old == null ? null : CatalogKeys.write(change.apply(CatalogKeys.read(key, old, ReplicationTask.class))));
    }

    static ReplicationTask withStatus(ReplicationTask t, String status) {
        return new ReplicationTask(t.id(), t.sourceNode(), t.sourceVmid(), status, t.targets(), t.startedAt());
    }

    static ReplicationTask withTarget(ReplicationTask t, TargetResult result) {
        return new ReplicationTask(t.id(), t.sourceNode(), t.sourceVmid(), t.status(),
                t.targets().stream().map(r -> r.node().equals(result.node()) ? result : r).toList(), t.startedAt());
    }
}
