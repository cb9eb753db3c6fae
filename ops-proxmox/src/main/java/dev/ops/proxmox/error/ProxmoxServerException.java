package dev.ops.proxmox.error;

import java.util.Map;

/**
 * Proxmox VE (or a proxy in front of it) answered with a server error (5xx). {@link #rule()} says
 * why it is, or is not, retried: a known permanent text ("QEMU guest agent is not running"), a
 * proxy's 502/503/504, or a read's 500.
 */
public class ProxmoxServerException extends ProxmoxApiException {
    private final String rule;

    public ProxmoxServerException(int status, String method, String path, String serverMessage, boolean retryable) {
        this(status, method, path, serverMessage, retryable, retryable ? "transient" : "not retried");
    }

    public ProxmoxServerException(int status, String method, String path, String serverMessage, boolean retryable, String rule) {
        super(status, method, path, serverMessage, Map.of(), retryable);
        this.rule = rule;
    }

    /** The rule that decided whether this error is retried, in words. */
    public String rule() {
        return rule;
    }

    @Override
    public String getMessage() {
        return super.getMessage() + " [" + rule + "]";
    }
}
