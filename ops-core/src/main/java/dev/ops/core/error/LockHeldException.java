package dev.ops.core.error;

/**
 * A lock (a lease in the state store) is held by someone else. Says who holds it and since when,
 * as the Terraform state lock does; retryable, since the holder lets go when it finishes, and a
 * lock of a holder that died is broken by the next taker.
 */
public class LockHeldException extends ConflictException {
    private final String holder;

    public LockHeldException(String resource, String holder, String message) {
        super(resource, message, true);
        this.holder = holder;
    }

    /** Who holds the lock: actor, process, machine, apply id, since when. */
    public String holder() {
        return holder;
    }
}
