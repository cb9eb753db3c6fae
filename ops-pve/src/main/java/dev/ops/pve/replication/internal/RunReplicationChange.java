package dev.ops.pve.replication.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.NotFoundException;
import dev.ops.pve.PveClient;
import dev.ops.pve.change.internal.PveChange;
import dev.ops.pve.replication.Replication;
import dev.ops.pve.replication.ReplicationJob;
import dev.ops.pve.replication.ReplicationState;
import java.util.List;
import java.util.Map;

/** Runs a replication job now ({@code schedule_now} on the guest's node) and waits for it; yields the job's state after. */
public final class RunReplicationChange extends PveChange<ReplicationState, String> {
    private final String id;

    public RunReplicationChange(Ops ops, PveClient client, String id) {
        super(ops, client);
        this.id = id;
    }

    @Override
    protected String what() {
        return "run replication job " + id + " now";
    }

    @Override
    protected Planned<String> planSteps() {
        ReplicationJob job = Replication.of(client).get(id).orElseThrow(() -> new NotFoundException("replication job " + id, "does not exist"));
        String node = client.findGuest(job.guest()).orElseThrow(() -> new NotFoundException("guest " + job.guest(), "does not exist")).node();
        return Planned.of(List.of(Step.irreversible("replicate guest " + job.guest() + " from " + node + " to " + job.target() + " now",
                task("POST", "/nodes/{node}/replication/{id}/schedule_now", Map.of("node", node, "id", id)))), node);
    }

    @Override
    protected ReplicationState result(String node) {
        return Replication.of(client).states(node).stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("replication job " + id, "is not reported by " + node));
    }
}
