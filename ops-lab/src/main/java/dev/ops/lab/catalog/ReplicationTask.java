package dev.ops.lab.catalog;

import java.util.List;
import java.util.Objects;

/**
 * The seed's task view of one replication request: its status, its progress and a result per target.
 *
 * @param id the task's id
 * @param sourceNode the source's node
 * @param sourceVmid the source's VMID
 * @param status {@code running}, {@code done} or {@code rolled-back}
 * @param targets a result per target node, in request order
 * @param startedAt when it was opened (ISO-8601)
 */
public record ReplicationTask(String id, String sourceNode, int sourceVmid, String status, List<TargetResult> targets, String startedAt) {
    public ReplicationTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sourceNode, "sourceNode");
        Objects.requireNonNull(status, "status");
        targets = List.copyOf(targets);
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** The share of targets done, from 0 to 1. */
    public double progress() {
        return targets.isEmpty() ? 1.0 : targets.stream().filter(TargetResult::done).count() / (double) targets.size();
    }

    /** The result for {@code node}. */
    public TargetResult target(String node) {
        return targets.stream().filter(t -> t.node().equals(node)).findFirst().orElseThrow();
    }
}
