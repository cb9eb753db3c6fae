package dev.ops.proxmox.error;

import dev.ops.core.error.OpsTimeoutException;
import java.time.Duration;

/**
 * A call to the Proxmox API hit one of its bounds: the connect, read (TLS handshake included), write
 * or whole-call timeout of the client. Retryable when nothing can have taken effect on the server: the
 * connection never opened, or the call only reads.
 */
public class ProxmoxCallTimeoutException extends OpsTimeoutException {
    private final String target;
    private final String bound;
    private final boolean retryable;

    /**
     * @param target the client's name and address
     * @param what the call, e.g. {@code GET /version}
     * @param bound which bound was hit: {@code connect}, {@code read}, {@code write} or {@code call}
     * @param limit the bound's duration
     * @param lastState what was seen last, e.g. "connected, no answer"
     * @param retryable whether the same call may be made again
     */
    public ProxmoxCallTimeoutException(String target, String what, String bound, Duration limit, String lastState, boolean retryable) {
        super(target + ": " + what + " (" + bound + " timeout)", limit, lastState);
        this.target = target;
        this.bound = bound;
        this.retryable = retryable;
    }

    /** The endpoint that did not answer in time. */
    public String target() {
        return target;
    }

    /** Which bound was hit: {@code connect}, {@code read}, {@code write} or {@code call}. */
    public String bound() {
        return bound;
    }

    @Override
    public boolean retryable() {
        return retryable;
    }
}
