package dev.ops.lab.cli.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.StalePlanException;
import dev.ops.lab.SshConnections;
import dev.ops.lab.Lab;
import dev.ops.lab.layer.Layers;
import dev.ops.lab.layer.Stable;
import dev.ops.pve.guest.Guest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A plan saved by {@code ops plan} for {@code ops apply}: the request it was made from and the plan
 * as it was reviewed.
 *
 * @param kind {@code replicate}, {@code restore}, {@code l1}, {@code l2}, {@code l3}, {@code l4} or {@code retention}
 * @param vmid the source (replicate); the guest (retention)
 * @param targets the target nodes as the request named them (replicate)
 * @param archive the backup's volume id (restore)
 * @param node the node to restore on (restore)
 * @param taskId the task's id
 * @param plan the reviewed plan, rendered
 * @param stable whether layer L1 promotes its templates to stable (the lab's {@code UPDATE_STABLE=yes})
 * @param planned when the plan was made (ISO-8601): the safety snapshots a layer takes are named for it
 */
record SavedPlan(String kind, int vmid, List<String> targets, String archive, String node, String taskId, String plan, boolean stable,
        String planned) {

    /** This request with the plan as reviewed. */
    SavedPlan reviewed(String rendered) {
        return new SavedPlan(kind, vmid, targets, archive, node, taskId, rendered, stable, planned);
    }

    /** The change this plan was made from, made again; the site's hosts reached through {@code ssh}. */
    Change<?> change(Lab lab, Ops ops, SshConnections ssh) {
        if (kind.equals("restore")) {
            return lab.restores(ops).restore(r -> r.archive(archive).node(node).taskId(taskId));
        }
        if (kind.equals("replicate")) {
            return lab.replication(ops).replicate(r -> r.vmid(vmid).targets(targets).taskId(taskId));
        }
        if (kind.equals("retention")) {
            Guest guest = lab.client().findGuest(vmid).orElseThrow(() -> new NotFoundException("guest " + vmid, "no such guest in the cluster"));
            return lab.safety(ops).retention(guest).orElseThrow(() -> new StalePlanException(title(), List.of(nothing())));
        }
        Layers layers = planned == null || planned.isEmpty() ? lab.layers(ops) : lab.layers(ops).snapshotsNamedAt(Instant.parse(planned));
        Optional<? extends Change<?>> layer = switch (kind) {
            case "l1" -> layers.templates(stable ? Stable.PROMOTE : Stable.KEEP);
            case "l2" -> layers.guests();
            case "l3" -> layers.hosts(ssh);
            default -> layers.services(ssh);
        };
        return layer.orElseThrow(() -> new StalePlanException(title(), List.of(nothing())));
    }

    /** What this plan is, as messages name it ({@code layer L3}, {@code retention of 101}). */
    String title() {
        return kind.equals("retention") ? "retention of " + vmid : "layer " + kind.toUpperCase(java.util.Locale.ROOT);
    }

    /** What an empty layer of this kind means. */
    String nothing() {
        return switch (kind) {
            case "l1" -> "every template of the site is built as its manifest says; nothing to do";
            case "l2" -> "every guest of the site exists; nothing to do";
            case "l3" -> "the site has no hosts; nothing to do";
            case "retention" -> "no safety snapshot of the guest is past retention; nothing to do";
            default -> "the site has no services; nothing to do";
        };
    }
}
