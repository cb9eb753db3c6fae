package dev.ops.core.error;

/** A host or an API could not be reached, or the connection broke; usually retryable. */
public class ConnectionException extends OpsException {
    private final String target;

    public ConnectionException(String target, String message, Throwable cause) {
        this(target, message, cause, true);
    }

    public ConnectionException(String target, String message, Throwable cause, boolean retryable) {
        super(target + ": " + message, cause, retryable);
        this.target = target;
    }

    /** The host, address or URL that could not be reached. */
    public String target() {
        return target;
    }
}
