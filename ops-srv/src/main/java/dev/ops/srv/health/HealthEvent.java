package dev.ops.srv.health;

import java.time.Instant;
import java.util.Objects;

/**
 * One probe's outcome as listeners see it.
 *
 * @param check the check's name
 * @param previous the status before this result
 * @param status the status after it
 * @param result what the probe found
 * @param consecutive how many results in a row had this result's outcome
 * @param at when the probe finished
 */
public record HealthEvent(String check, HealthStatus previous, HealthStatus status, ProbeResult result, int consecutive, Instant at) {
    public HealthEvent {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(at, "at");
    }

    /** Whether the status changed with this result. */
    public boolean changed() {
        return previous != status;
    }
}
