package dev.ops.lab.catalog.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.store.StateStore;
import dev.ops.lab.catalog.TargetResult;
import java.util.Objects;

/**
 * The undo of {@link ReplicaRecordAction}: deletes the replica's resource record and marks its target
 * rolled back in the task.
 *
 * @param taskId the replication task
 * @param node the target node
 * @param vmid the replica
 */
public record ReplicaForgetAction(String taskId, String node, int vmid) implements Action {
    public ReplicaForgetAction {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(node, "node");
    }

    @Override
    public String target() {
        return Targets.STATE_STORE;
    }

    @Override
    public String render() {
        return "forget replica " + node + "/" + vmid + " in the catalog";
    }

    @Override
    public void execute(Targets targets) {
        StateStore store = targets.resolve(Targets.STATE_STORE, StateStore.class);
        store.delete(CatalogKeys.resource(vmid));
        TaskRecords.update(store, taskId, t -> TaskRecords.withTarget(t, new TargetResult(node, "rolled-back", vmid, "", "", "")));
    }
}
