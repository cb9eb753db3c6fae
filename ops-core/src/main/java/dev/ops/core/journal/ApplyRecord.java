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

    /** Whether this apply was left running by a process on this machine that is gone. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isInterrupted() {
        return status == ApplyStatus.RUNNING && !owner.isAlive();
    }

    /**
     * Whether this apply was left running: by a process on this machine that is gone, or, for an
     * owner on another machine (a journal shared through a database), one whose record has not
     * moved for {@code remoteStaleAfter}. That must exceed the longest step, since a record moves
     * only between steps.
     */
    public boolean isInterrupted(Instant now, java.time.Duration remoteStaleAfter) {
        if (status != ApplyStatus.RUNNING) {
            return false;
        }
        return owner.isLocal() ? !owner.isAlive() : updatedAt.plus(remoteStaleAfter).isBefore(now);
    }
}
