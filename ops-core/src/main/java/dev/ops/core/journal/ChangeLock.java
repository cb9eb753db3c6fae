package dev.ops.core.journal;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A held lock on one change (its description and targets), taken by {@link Journal#lock} for the
 * length of an apply or a rollback, so that two processes never apply or revert the same change at
 * once. Closing it lets go; a holder that dies leaves a lock that the next taker breaks.
 */
public final class ChangeLock implements AutoCloseable {
    private final ChangeLocks locks;
    private final String key;
    private final String token;
    private final boolean owned;
    /** The journal id this lock was taken for and names, while no apply has used it; null once used, or for a lock taken over. */
    private final AtomicReference<String> reservedId;

    ChangeLock(ChangeLocks locks, String key, String token, boolean owned, String reservedId) {
        this.locks = locks;
        this.key = key;
        this.token = token;
        this.owned = owned;
        this.reservedId = new AtomicReference<>(reservedId);
    }

    /** The store key of the lock. */
    public String key() {
        return key;
    }

    String token() {
        return token;
    }

    /** The journal id the lock already names, for the first apply that begins under it (then empty). */
    Optional<String> takeReservedId() {
        return Optional.ofNullable(reservedId.getAndSet(null));
    }

    /** Lets go of the lock, unless it was already held by this holder when taken (then the outer holding lets go). */
    @Override
    public void close() {
        if (owned) {
            locks.release(this);
        }
    }

    @Override
    public String toString() {
        return "ChangeLock[" + key + "]";
    }
}
