package dev.ops.core.journal;

/** Where one journaled step stands. */
public enum StepState {
    /** Planned, its undo written, not started. */
    PENDING,
    /** About to run or running; if the process died here, the outcome is unknown. */
    STARTED,
    /** Ran successfully. */
    DONE,
    /** Ran and failed; its effects are not undone (the step's own failure left nothing to revert). */
    FAILED,
    /** Reverted by a rollback. */
    UNDONE,
    /** Its undo was tried and failed; a later rollback tries again. */
    UNDO_FAILED,
    /** Cannot be undone; rollback left it as it was. */
    IRREVERSIBLE
}
