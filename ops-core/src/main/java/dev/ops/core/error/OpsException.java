package dev.ops.core.error;

import dev.ops.core.secret.Redactor;

/**
 * The root of every exception ops throws; unchecked, and says whether trying again can help.
 *
 * <p>Messages pass through the global {@link Redactor} so that no registered secret ever
 * reaches a log line or a stack trace.
 */
public class OpsException extends RuntimeException {
    private final boolean retryable;

    public OpsException(String message) {
        this(message, null, false);
    }

    public OpsException(String message, Throwable cause) {
        this(message, cause, false);
    }

    protected OpsException(String message, Throwable cause, boolean retryable) {
        super(Redactor.global().redact(message), cause);
        this.retryable = retryable;
    }

    /** Whether the same call may succeed if it is made again (after a backoff). */
    public boolean retryable() {
        return retryable;
    }
}
