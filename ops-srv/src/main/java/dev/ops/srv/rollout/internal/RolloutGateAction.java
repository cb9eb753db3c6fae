package dev.ops.srv.rollout.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import java.util.Objects;

/**
 * Waits at a rollout's health gate (the gate itself is a target of the apply that runs it). A gate
 * changes nothing: its undo, {@code undo = true}, does nothing, so that rollback and recovery in
 * another process pass over it without the gate.
 *
 * @param target the gate's name among the apply's targets
 * @param gate what the gate waits for, in words
 * @param undo whether this is the gate's undo, which does nothing
 */
public record RolloutGateAction(String target, String gate, boolean undo) implements Action {

    public RolloutGateAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(gate, "gate");
    }

    @Override
    public String render() {
        return undo ? "nothing to undo (gate: " + gate + ")" : "wait until " + gate;
    }

    @Override
    public void execute(Targets targets) {
        if (!undo) {
            targets.resolve(target, Gate.class).pass();
        }
    }
}
