package dev.ops.core.journal;

import dev.ops.core.change.Action;

/**
 * One step as the journal keeps it: its action, its undo (null when irreversible), whether the undo
 * also runs after the step failed, and its state.
 */
public record StepRecord(String description, Action action, Action undo, boolean undoOnFailure, StepState state, String error) {

    StepRecord withState(StepState next, String why) {
        return new StepRecord(description, action, undo, undoOnFailure, next, why);
    }
}
