package dev.ops.core.journal;

import java.time.Instant;

/**
 * The value of a change's lock in the state store: a lease that names its holder.
 *
 * @param token a random id of this holding, so that a holder lets go only of its own
 * @param change the change, in words
 * @param actor who applies it
 * @param owner the process holding it
 * @param applyId the journal id of the apply it is held for: named when the lock is taken, a record
 *     under it once that apply began (none if it never did; null in locks of older versions until it began)
 * @param acquiredAt when it was taken
 * @param expiresAt when a holder on another machine counts as gone unless it renewed the lease (a step renews it once it is over a minute old)
 */
public record LockRecord(String token, String change, String actor, Owner owner, String applyId, Instant acquiredAt, Instant expiresAt) {

    LockRecord forApply(String id) {
        return new LockRecord(token, change, actor, owner, id, acquiredAt, expiresAt);
    }

    LockRecord renewedUntil(Instant until) {
        return new LockRecord(token, change, actor, owner, applyId, acquiredAt, until);
    }

    /** Whether the holder is gone: a dead process of this machine, or an expired lease of another machine. */
    boolean isStale(Instant now) {
        return owner.isLocal() ? !owner.isAlive() : expiresAt.isBefore(now);
    }

    String describe() {
        return actor + " (" + owner + (applyId == null ? "" : ", apply " + applyId) + ") since " + acquiredAt;
    }
}
