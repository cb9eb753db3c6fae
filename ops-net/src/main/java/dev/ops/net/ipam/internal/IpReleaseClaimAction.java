package dev.ops.net.ipam.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.store.StateStore;
import java.util.Objects;

/**
 * Frees the addresses a change took under {@code claim} in the document of {@code node}'s subnet
 * {@code cidr}: the undo of {@link IpAllocateAction} and {@link IpAssignAction}. It needs only the
 * state store, which every rollback and recovery knows.
 */
public record IpReleaseClaimAction(String node, String cidr, String claim) implements Action {

    public IpReleaseClaimAction {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(cidr, "cidr");
        Objects.requireNonNull(claim, "claim");
    }

    @Override
    public String target() {
        return Targets.STATE_STORE;
    }

    @Override
    public String render() {
        return "release the address this change took on " + node + " " + cidr + " in the state store";
    }

    @Override
    public void execute(Targets targets) {
        IpamEngine.releaseClaim(targets.resolve(Targets.STATE_STORE, StateStore.class), node, cidr, claim);
    }
}
