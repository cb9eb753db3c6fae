package dev.ops.proxmox.internal;

import dev.ops.proxmox.RetryPolicy;
import dev.ops.proxmox.task.TimeSource;
import java.time.Duration;

/** Everything the transport needs, as the client builder gathered and checked it; {@code dialect} says which product it speaks to. */
public record TransportConfig(String name, String apiBase, Auth auth, Tls.Trust trust, Timeouts timeouts, RetryPolicy retry,
        TimeSource time, Duration ticketRenewAfter, java.util.List<dev.ops.proxmox.ProxmoxListener> listeners, long maxAnswerBytes,
        Dialect dialect) {

    /**
     * The bounds on every wait of a call, all positive.
     *
     * @param connect opening the TCP connection
     * @param read any one read, TLS handshake included
     * @param write any one write
     * @param call a whole call: connect, handshake, request and the whole answer (not uploads)
     */
    public record Timeouts(Duration connect, Duration read, Duration write, Duration call) {}

    /** How long to wait for the TCP connection. */
    public Duration connectTimeout() {
        return timeouts.connect();
    }

    /** How long any one read may wait. */
    public Duration readTimeout() {
        return timeouts.read();
    }
}
