package dev.ops.core.journal;

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

    ChangeLock(ChangeLocks locks, String key, String token, boolean owned) {
        this.locks = locks;
        this.key = key;
        this.token = token;
        this.owned = owned;
    }

    /** The store key of the lock. */
    public String key() {
        return key;
    }

    String token() {
        return token;
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
