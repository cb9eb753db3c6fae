package dev.ops.srv.health;

/** Where a check stands after its thresholds are applied. */
public enum HealthStatus {
    /** Not enough results yet to pass either threshold. */
    UNKNOWN,
    /** {@code successThreshold} consecutive successes. */
    HEALTHY,
    /** {@code failureThreshold} consecutive failures. */
    UNHEALTHY
}
