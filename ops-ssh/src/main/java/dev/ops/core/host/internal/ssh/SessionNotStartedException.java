package dev.ops.core.host.internal.ssh;

/** No session could be opened on a pooled connection: the command never started, so it may be retried. */
public final class SessionNotStartedException extends Exception {
    public SessionNotStartedException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
