package dev.ops.pve.internal;

import dev.ops.pve.RetryPolicy;
import dev.ops.pve.task.TimeSource;
import java.time.Duration;

/** Everything the transport needs, as the client builder gathered and checked it. */
public record TransportConfig(String name, String apiBase, Auth auth, Tls.Trust trust, Duration connectTimeout, Duration readTimeout,
        RetryPolicy retry, TimeSource time, Duration ticketRenewAfter) {}
