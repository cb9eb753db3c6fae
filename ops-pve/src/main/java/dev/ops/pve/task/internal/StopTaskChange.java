package dev.ops.pve.task.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.pve.PveClient;
import dev.ops.pve.change.ApiChange;
import dev.ops.pve.task.PveTask;
import dev.ops.pve.task.TaskStatus;
import dev.ops.pve.task.Upid;
import java.util.List;
import java.util.Map;

/**
 * Stops a running task ({@code DELETE /nodes/{node}/tasks/{upid}}); a task that has ended plans
 * nothing. It cannot be undone: what the task did up to then stays done.
 */
public final class StopTaskChange extends ApiChange<TaskStatus, Void> {
    private final Upid upid;

    public StopTaskChange(Ops ops, PveClient client, Upid upid) {
        super(ops, client);
        this.upid = upid;
    }

    @Override
    protected String what() {
        return "stop task " + upid.value();
    }

    @Override
    protected Planned<Void> planSteps() {
        TaskStatus now = PveTask.of(client, upid.value()).status();
        if (!now.running()) {
            return Planned.<Void>none(null).withNote("the task has ended already");
        }
        return Planned.of(List.of(Step.irreversible("stop task " + upid.type() + " of " + upid.node(),
                call("DELETE", "/nodes/{node}/tasks/{upid}", Map.of("node", upid.node(), "upid", upid.value())))));
    }

    @Override
    protected TaskStatus result(Void none) {
        return PveTask.of(client, upid.value()).status();
    }
}
