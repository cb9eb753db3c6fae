package dev.ops.core.journal;

/** Where one journaled apply stands. */
public enum ApplyStatus {
    /** Steps are running, or the process running them died. */
    RUNNING,
    /** Every step ran. */
    APPLIED,
    /**
     * A rollback (asked for, after a failure, or by recovery) claimed the record and is running its
     * undos; the record's {@linkplain ApplyRecord#claimant() claimant} runs them. A claim whose
     * claimant died is taken over by the next recovery.
     */
    ROLLING_BACK,
    /** Reverted by a rollback (after a failure, a request, or recovery). */
    ROLLED_BACK,
    /** A rollback was tried and some undo steps failed. */
    ROLLBACK_FAILED
}
