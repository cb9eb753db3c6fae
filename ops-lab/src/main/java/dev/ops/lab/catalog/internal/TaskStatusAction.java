package dev.ops.lab.catalog.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.store.StateStore;
import dev.ops.lab.catalog.TargetResult;
import java.util.Objects;

/**
 * Sets a replication task's status; {@code rolled-back} also marks every target rolled back (the
 * undo of opening the task, so the task view says what happened instead of vanishing).
 *
 * @param taskId the task
 * @param status the new status
 */
public record TaskStatusAction(String taskId, String status) implements Action {
    public TaskStatusAction {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(status, "status");
    }

    @Override
    public String target() {
        return Targets.STATE_STORE;
    }

    @Override
    public String render() {
        return "mark replication task " + taskId + " " + status + " in the catalog";
    }

    @Override
    public void execute(Targets targets) {
        TaskRecords.update(targets.resolve(Targets.STATE_STORE, StateStore.class), taskId, t -> {
            var next = TaskRecords.withStatus(t, status);
            if (status.equals("rolled-back")) {
                for (TargetResult r : t.targets()) {
                    next = TaskRecords.withTarget(next, new TargetResult(r.node(), "rolled-back", r.vmid(), r.name(), r.address(), r.mac()));
                }
            }
            return next;
        });
    }
}
