package dev.ops.proxmox.task.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.proxmox.ProxmoxClient;
import dev.ops.proxmox.change.internal.ApiChange;
import dev.ops.proxmox.task.ProxmoxTask;
import dev.ops.proxmox.task.TaskStatus;
import dev.ops.proxmox.task.Upid;
import java.util.List;
import java.util.Map;

/**
 * Stops a running task ({@code DELETE /nodes/{node}/tasks/{upid}}); a task that has ended plans
 * nothing. It cannot be undone: what the task did up to then stays done.
 */
public final class StopTaskChange extends ApiChange<TaskStatus, Void, ProxmoxClient> {
    private final Upid upid;

    public StopTaskChange(Ops ops, ProxmoxClient client, Upid upid) {
        super(ops, client);
        this.upid = upid;
    }

    @Override
    protected String what() {
        return "stop task " + upid.value();
    }

    @Override
    protected Planned<Void> planSteps() {
        TaskStatus now = ProxmoxTask.of(client, upid.value()).status();
        if (!now.running()) {
            return Planned.<Void>none(null).withNote("the task has ended already");
        }
        return Planned.of(List.of(Step.irreversible("stop task " + upid.type() + " of " + upid.node(),
                call("DELETE", "/nodes/{node}/tasks/{upid}", Map.of("node", upid.node(), "upid", upid.value())))));
    }

    @Override
    protected TaskStatus result(Void none) {
        return ProxmoxTask.of(client, upid.value()).status();
    }
}
