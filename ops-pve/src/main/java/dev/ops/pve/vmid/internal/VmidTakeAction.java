package dev.ops.pve.vmid.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import java.util.Objects;

/**
 * Takes the lowest free VMID from the cluster's next id upwards (or exactly {@code vmid}): reserved in the state store with
 * compare-and-set (never handed out twice, across threads and processes), confirmed free in the
 * cluster, and held under {@code claim} for the steps that follow and for the undo.
 *
 * @param target the name of the client's {@link VmidClaims} in {@link Targets}
 * @param claim the change's claim
 * @param vmid the id to reserve, or null for the lowest free one (journals written before it have none)
 */
public record VmidTakeAction(String target, String claim, Integer vmid) implements Action {

    public VmidTakeAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(claim, "claim");
    }

    /** The action that takes the lowest free VMID. */
    public VmidTakeAction(String target, String claim) {
        this(target, claim, null);
    }

    @Override
    public String render() {
        if (vmid != null) {
            return "reserve VMID " + vmid + " (state store, compare-and-set; checked free in the cluster)";
        }
        return "reserve the lowest free VMID from GET /cluster/nextid upwards (state store, compare-and-set; checked free in the cluster)";
    }

    @Override
    public void execute(Targets targets) {
        VmidClaims claims = targets.resolve(target, VmidClaims.class);
        if (vmid == null) {
            claims.take(claim);
        } else {
            claims.reserve(claim, vmid);
        }
    }
}
