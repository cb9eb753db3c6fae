package dev.ops.core.journal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One apply as the journal keeps it: what, by whom, where it stands, and every step with its undo.
 *
 * @param claimant the process running its rollback while {@link ApplyStatus#ROLLING_BACK} (null before any)
 * @param lock the store key of the change's lock that the apply holds (null when it took none)
 * @param format the journal record format it was written in; a newer format than this version knows is not read
 */
public record ApplyRecord(String id, String change, String actor, Owner owner, ApplyStatus status, Instant createdAt,
        Instant updatedAt, List<StepRecord> steps, Owner claimant, String lock, int format) {

    /** The record format this version writes, and the newest it reads. */
    public static final int FORMAT = 1;

    public ApplyRecord {
        steps = List.copyOf(steps);
    }

    /** A record in the current format, never claimed, holding no lock. */
    public ApplyRecord(String id, String change, String actor, Owner owner, ApplyStatus status, Instant createdAt,
            Instant updatedAt, List<StepRecord> steps) {
        this(id, change, actor, owner, status, createdAt, updatedAt, steps, null, null, FORMAT);
    }

    ApplyRecord withStep(int index, StepRecord step, Instant now) {
        List<StepRecord> next = new ArrayList<>(steps);
        next.set(index, step);
        return new ApplyRecord(id, change, actor, owner, status, createdAt, now, next, claimant, lock, format);
    }

    ApplyRecord withMoreSteps(List<StepRecord> more, Instant now) {
        List<StepRecord> next = new ArrayList<>(steps);
        next.addAll(more);
        return new ApplyRecord(id, change, actor, owner, status, createdAt, now, next, claimant, lock, format);
    }

    ApplyRecord withStatus(ApplyStatus next, Instant now) {
        return new ApplyRecord(id, change, actor, owner, next, createdAt, now, steps, claimant, lock, format);
    }

    ApplyRecord claimedBy(Owner who, Instant now) {
        return new ApplyRecord(id, change, actor, owner, ApplyStatus.ROLLING_BACK, createdAt, now, steps, who, lock, format);
    }

    /** Whether this apply (or its rollback) was left running by a process on this machine that is gone. */
    @JsonIgnore
    public boolean isInterrupted() {
        return switch (status) {
            case RUNNING -> !owner.isAlive();
            case ROLLING_BACK -> claimant == null || !claimant.isAlive();
            default -> false;
        };
    }

    /**
     * Whether this apply (or its rollback) was left running: by a process on this machine that is
     * gone, or, for a process on another machine (a journal shared through a database), one whose
     * record has not moved for {@code remoteStaleAfter}. That must exceed the longest step, since a
     * record moves only between steps.
     */
    public boolean isInterrupted(Instant now, Duration remoteStaleAfter) {
        Owner running = switch (status) {
            case RUNNING -> owner;
            case ROLLING_BACK -> claimant;
            default -> null;
        };
        if (running == null) {
            return status == ApplyStatus.ROLLING_BACK;
        }
        return running.isLocal() ? !running.isAlive() : updatedAt.plus(remoteStaleAfter).isBefore(now);
    }
}
