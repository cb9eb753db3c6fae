package dev.ops.core.journal;

import dev.ops.core.change.Action;
import java.util.ArrayList;
import java.util.List;

/**
 * One step as the journal keeps it: its action, its undo (null when irreversible), whether the undo
 * also runs after the step failed, its state, and the processes it is running (which recovery
 * stops before undoing it).
 */
public record StepRecord(String description, Action action, Action undo, boolean undoOnFailure, StepState state, String error,
        List<StepProcess> processes) {

    public StepRecord {
        processes = processes == null ? List.of() : List.copyOf(processes);
    }

    /** A step with no processes running. */
    public StepRecord(String description, Action action, Action undo, boolean undoOnFailure, StepState state, String error) {
        this(description, action, undo, undoOnFailure, state, error, List.of());
    }

    StepRecord withState(StepState next, String why) {
        List<StepProcess> running = next == StepState.STARTED ? processes : List.of();
        return new StepRecord(description, action, undo, undoOnFailure, next, why, running);
    }

    StepRecord withProcess(StepProcess p, boolean running) {
        List<StepProcess> next = new ArrayList<>(processes);
        next.remove(p);
        if (running) {
            next.add(p);
        }
        return new StepRecord(description, action, undo, undoOnFailure, state, error, next);
    }
}
