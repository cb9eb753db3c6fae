package dev.ops.core.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One apply as the journal keeps it: what, by whom, where it stands, and every step with its undo. */
public record ApplyRecord(String id, String change, String actor, Owner owner, ApplyStatus status, Instant createdAt,
        Instant updatedAt, List<StepRecord> steps) {

    public ApplyRecord {
        steps = List.copyOf(steps);
    }

    ApplyRecord withStep(int index, StepRecord step, Instant now) {
        List<StepRecord> next = new ArrayList<>(steps);
        next.set(index, step);
        return new ApplyRecord(id, change, actor, owner, status, createdAt, now, next);
    }

    ApplyRecord withStatus(ApplyStatus next, Instant now) {
        return new ApplyRecord(id, change, actor, owner, next, createdAt, now, steps);
    }

    /** Whether this apply was left running by a process that is gone. */
    public boolean isInterrupted() {
        return status == ApplyStatus.RUNNING && !owner.isAlive();
    }
}
