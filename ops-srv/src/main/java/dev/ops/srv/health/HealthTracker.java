package dev.ops.srv.health;

import java.time.Instant;
import java.util.Objects;

/**
 * A check's thresholds applied to its results, one at a time: no clock, no thread, so that the
 * status arithmetic is tested on its own. Not thread-safe; a monitor feeds it from one thread.
 */
public final class HealthTracker {
    private final HealthCheck check;
    private HealthStatus status = HealthStatus.UNKNOWN;
    private boolean lastHealthy;
    private int consecutive;

    /** A tracker for {@code check}, starting {@link HealthStatus#UNKNOWN}. */
    public HealthTracker(HealthCheck check) {
        this.check = Objects.requireNonNull(check, "check");
    }

    /** The status so far. */
    public HealthStatus status() {
        return status;
    }

    /** Counts {@code result} and returns the event it makes. */
    public HealthEvent record(ProbeResult result, Instant at) {
        consecutive = consecutive > 0 && lastHealthy == result.healthy() ? consecutive + 1 : 1;
        lastHealthy = result.healthy();
        HealthStatus previous = status;
        if (result.healthy() && consecutive >= check.successThreshold()) {
            status = HealthStatus.HEALTHY;
        } else if (!result.healthy() && consecutive >= check.failureThreshold()) {
            status = HealthStatus.UNHEALTHY;
        }
        return new HealthEvent(check.name(), previous, status, result, consecutive, at);
    }
}
