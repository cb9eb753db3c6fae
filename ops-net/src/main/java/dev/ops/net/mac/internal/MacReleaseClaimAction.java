package dev.ops.net.mac.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.store.StateStore;
import java.util.Objects;

/** Frees the MAC a change drew under {@code claim}: the undo of {@link MacRandomAction}; needs only the state store. */
public record MacReleaseClaimAction(String claim) implements Action {

    public MacReleaseClaimAction {
        Objects.requireNonNull(claim, "claim");
    }

    @Override
    public String target() {
        return Targets.STATE_STORE;
    }

    @Override
    public String render() {
        return "release the MAC this change drew, in the state store";
    }

    @Override
    public void execute(Targets targets) {
        MacClaims.releaseClaim(targets.resolve(Targets.STATE_STORE, StateStore.class), claim);
    }
}
