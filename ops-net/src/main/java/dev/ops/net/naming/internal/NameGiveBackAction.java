package dev.ops.net.naming.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.store.StateStore;
import java.util.Objects;

/**
 * Gives back the name a change took under {@code claim} (the sequence steps back when nobody took a
 * later name): the undo of {@link NameTakeAction}; needs only the state store.
 */
public record NameGiveBackAction(String claim) implements Action {

    public NameGiveBackAction {
        Objects.requireNonNull(claim, "claim");
    }

    @Override
    public String target() {
        return Targets.STATE_STORE;
    }

    @Override
    public String render() {
        return "give back the name this change took, in the state store";
    }

    @Override
    public void execute(Targets targets) {
        NameSequences.giveBack(targets.resolve(Targets.STATE_STORE, StateStore.class), claim);
    }
}
