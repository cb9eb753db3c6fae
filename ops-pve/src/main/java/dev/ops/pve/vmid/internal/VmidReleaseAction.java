package dev.ops.pve.vmid.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.error.NotFoundException;
import java.util.Objects;

/**
 * Releases the VMID reserved under {@code claim}: the undo of {@link VmidTakeAction}. A reservation is
 * a marker with a time to live, so where the state store is not among the targets (a recovery given
 * only the client's targets) it is left to expire.
 *
 * @param target the name of the client's {@link VmidClaims} in {@link Targets}
 * @param claim the change's claim
 */
public record VmidReleaseAction(String target, String claim) implements Action {

    public VmidReleaseAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(claim, "claim");
    }

    @Override
    public String render() {
        return "release the VMID reserved for this change in the state store";
    }

    @Override
    public void execute(Targets targets) {
        VmidClaims claims;
        try {
            claims = targets.resolve(target, VmidClaims.class);
        } catch (NotFoundException unknown) {
            return; // the reservation expires on its own (VmidClaims.TTL)
        }
        claims.release(claim);
    }
}
