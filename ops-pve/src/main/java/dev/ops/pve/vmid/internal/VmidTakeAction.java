package dev.ops.pve.vmid.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import java.util.Objects;

/**
 * Takes the lowest free VMID from the cluster's next id upwards: reserved in the state store with
 * compare-and-set (never handed out twice, across threads and processes), confirmed free in the
 * cluster, and held under {@code claim} for the steps that follow and for the undo.
 *
 * @param target the name of the client's {@link VmidClaims} in {@link Targets}
 * @param claim the change's claim
 */
public record VmidTakeAction(String target, String claim) implements Action {

    public VmidTakeAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(claim, "claim");
    }

    @Override
    public String render() {
        return "reserve the lowest free VMID from GET /cluster/nextid upwards (state store, compare-and-set; checked free in the cluster)";
    }

    @Override
    public void execute(Targets targets) {
        targets.resolve(target, VmidClaims.class).take(claim);
    }
}
