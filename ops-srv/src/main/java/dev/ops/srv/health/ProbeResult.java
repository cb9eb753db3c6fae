package dev.ops.srv.health;

import java.time.Duration;
import java.util.Objects;

/**
 * What one probe found.
 *
 * @param healthy whether the target answered as healthy
 * @param detail what was seen: the status, the exit code, the error, the timeout
 * @param took how long the probe took
 */
public record ProbeResult(boolean healthy, String detail, Duration took) {
    public ProbeResult {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(took, "took");
    }
}
