package dev.ops.core.journal;

/** Where one journaled apply stands. */
public enum ApplyStatus {
    /** Steps are running, or the process running them died. */
    RUNNING,
    /** Every step ran. */
    APPLIED,
    /** Reverted by a rollback (after a failure, a request, or recovery). */
    ROLLED_BACK,
    /** A rollback was tried and some undo steps failed. */
    ROLLBACK_FAILED
}
