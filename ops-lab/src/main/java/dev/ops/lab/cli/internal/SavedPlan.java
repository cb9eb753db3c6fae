package dev.ops.lab.cli.internal;

import java.util.List;

/**
 * A plan saved by {@code ops plan} for {@code ops apply}: the request it was made from and the plan
 * as it was reviewed.
 *
 * @param kind {@code replicate}
 * @param vmid the source
 * @param targets the target nodes as the request named them
 * @param taskId the replication task's id
 * @param plan the reviewed plan, rendered
 */
record SavedPlan(String kind, int vmid, List<String> targets, String taskId, String plan) {}
