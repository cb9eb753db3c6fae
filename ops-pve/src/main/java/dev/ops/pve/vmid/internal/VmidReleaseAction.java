package dev.ops.pve.vmid.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.store.StateStore;
import java.util.Objects;

/**
 * Releases the VMID reserved under {@code claim}: the undo of {@link VmidTakeAction}. A recovery that
 * was not given the client releases it through the state store alone.
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
            // A recovery given no client: the store, which every rollback knows, is enough.
            VmidClaims.release(targets.resolve(Targets.STATE_STORE, StateStore.class), VmidClaims.clientName(target), claim);
            return;
        }
        claims.release(claim);
    }
}
