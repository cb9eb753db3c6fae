package dev.ops.srv.health;

import dev.ops.core.error.Violations;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * A named probe with its schedule and thresholds, as Kubernetes and HAProxy define them: the first
 * probe after {@code initialDelay}, then one every {@code period}, each given up after
 * {@code timeout}; {@code successThreshold} successes in a row make it healthy,
 * {@code failureThreshold} failures in a row unhealthy.
 *
 * <pre>{@code
 * HealthCheck web = HealthCheck.builder().name("web").probe(Probe.http(URI.create("http://127.0.0.1:8080/health")).bodyMatches("ok"))
 *         .period(Duration.ofSeconds(5)).timeout(Duration.ofSeconds(1)).failureThreshold(3).build();
 * }</pre>
 */
@Value.Immutable
public abstract class HealthCheck {

    /** The check's name, unique within a monitor. */
    public abstract String name();

    /** What is asked. */
    public abstract Probe probe();

    /** The wait before the first probe. */
    @Value.Default
    public Duration initialDelay() {
        return Duration.ZERO;
    }

    /** The time from one probe's start to the next's. */
    @Value.Default
    public Duration period() {
        return Duration.ofSeconds(10);
    }

    /** How long one probe may take; not longer than the period. */
    @Value.Default
    public Duration timeout() {
        return Duration.ofSeconds(1);
    }

    /** Successes in a row that make the check healthy. */
    @Value.Default
    public int successThreshold() {
        return 1;
    }

    /** Failures in a row that make the check unhealthy. */
    @Value.Default
    public int failureThreshold() {
        return 3;
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's settings, to derive a changed copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    @Value.Check
    protected void check() {
        Violations v = Violations.of("health check " + name());
        v.check(!name().isBlank() && name().chars().noneMatch(Character::isISOControl), "name", "must be a non-blank line");
        v.check(!initialDelay().isNegative(), "initialDelay", "must not be negative");
        v.check(period().toMillis() >= 1, "period", "must be at least 1 ms, not " + period());
        v.check(timeout().toMillis() >= 1, "timeout", "must be at least 1 ms, not " + timeout());
        v.check(timeout().compareTo(period()) <= 0, "timeout", "timeout " + timeout() + " is longer than period " + period()
                + ": probes would overlap");
        v.check(successThreshold() >= 1, "successThreshold", "must be at least 1");
        v.check(failureThreshold() >= 1, "failureThreshold", "must be at least 1");
        v.throwIfAny();
    }

    /** Builds a {@link HealthCheck}. */
    public static final class Builder extends ImmutableHealthCheck.Builder {}
}
