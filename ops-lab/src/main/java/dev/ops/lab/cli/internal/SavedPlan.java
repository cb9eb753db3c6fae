package dev.ops.lab.cli.internal;

import java.util.List;

/**
 * A plan saved by {@code ops plan} for {@code ops apply}: the request it was made from and the plan
 * as it was reviewed.
 *
 * @param kind {@code replicate}, {@code restore}, {@code l1} or {@code l2}
 * @param vmid the source (replicate)
 * @param targets the target nodes as the request named them (replicate)
 * @param archive the backup's volume id (restore)
 * @param node the node to restore on (restore)
 * @param taskId the task's id
 * @param plan the reviewed plan, rendered
 * @param stable whether layer L1 promotes its templates to stable (the lab's {@code UPDATE_STABLE=yes})
 */
record SavedPlan(String kind, int vmid, List<String> targets, String archive, String node, String taskId, String plan, boolean stable) {

    /** The change this plan was made from, made again. */
    dev.ops.core.change.Change<?> change(dev.ops.lab.Lab lab, dev.ops.core.Ops ops) {
        if (kind.equals("restore")) {
            return lab.restores(ops).restore(r -> r.archive(archive).node(node).taskId(taskId));
        }
        if (kind.equals("l1")) {
            return lab.layers(ops).templates(stable ? dev.ops.lab.layer.Stable.PROMOTE : dev.ops.lab.layer.Stable.KEEP)
                    .orElseThrow(() -> new dev.ops.core.error.StalePlanException("layer L1",
                            List.of("every template of the site is built as its manifest says now; nothing is left to do")));
        }
        if (kind.equals("l2")) {
            return lab.layers(ops).guests().orElseThrow(() -> new dev.ops.core.error.StalePlanException("layer L2",
                    List.of("every guest of the site exists now; nothing is left to do")));
        }
        return lab.replication(ops).replicate(r -> r.vmid(vmid).targets(targets).taskId(taskId));
    }
}
