package dev.ops.core.audit;

import java.time.Instant;

/** One applied or undone step: who, where, what, the outcome and when. */
public record AuditRecord(Instant time, String actor, String target, String applyId, String change, String step,
        String action, Outcome outcome, String detail) {

    /** How a step ended. */
    public enum Outcome {
        APPLIED, FAILED, UNDONE, UNDO_FAILED
    }
}
