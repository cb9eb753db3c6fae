package dev.ops.net.link;

import dev.ops.core.error.OpsException;

/**
 * A change would take down the link that carries the host's default route or the SSH session in
 * use, and was not confirmed with {@code confirmDisruption()}. Never retryable.
 */
public class HostLockoutException extends OpsException {
    private final String host;
    private final String link;
    private final String reason;

    public HostLockoutException(String host, String link, String action, String reason) {
        super("refusing to " + action + " on " + host + ": " + reason + "; confirm with confirmDisruption() if this is intended",
                null, false);
        this.host = host;
        this.link = link;
        this.reason = reason;
    }

    /** The host the change targets. */
    public String host() {
        return host;
    }

    /** The link that would be cut. */
    public String link() {
        return link;
    }

    /** Why the link matters (e.g. "it carries the default route via 10.0.0.1"). */
    public String reason() {
        return reason;
    }
}
