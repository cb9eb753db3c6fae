package dev.ops.pbs;

import dev.ops.core.error.Violations;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link VerificationReport} measures against: the recovery point objective (the largest gap
 * between backups the user accepts), the window over which gaps are looked for, and the clock that
 * says what "now" is. Immutable; built with {@link #builder()}.
 */
public final class ReportPolicy {
    private final Duration rpoTarget;
    private final Duration window;
    private final Clock clock;

    private ReportPolicy(Builder b) {
        this.rpoTarget = b.rpoTarget;
        this.window = b.window;
        this.clock = b.clock;
    }

    /** A builder: RPO target 1 day, window 7 days, the system clock. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this policy's settings. */
    public Builder toBuilder() {
        return new Builder().rpoTarget(rpoTarget).window(window).clock(clock);
    }

    /** The largest gap between consecutive backups (and from the newest to now) that meets the objective. */
    public Duration rpoTarget() {
        return rpoTarget;
    }

    /** How far back gaps are looked for. */
    public Duration window() {
        return window;
    }

    /** What "now" is. */
    public Clock clock() {
        return clock;
    }

    /** Builds a {@link ReportPolicy}; every problem is reported at once by {@link #build()}. */
    public static final class Builder {
        private Duration rpoTarget = Duration.ofDays(1);
        private Duration window = Duration.ofDays(7);
        private Clock clock = Clock.systemUTC();

        Builder() {}

        /** The recovery point objective, positive. */
        public Builder rpoTarget(Duration target) {
            this.rpoTarget = target;
            return this;
        }

        /** The window gaps are looked for in, positive. */
        public Builder window(Duration window) {
            this.window = window;
            return this;
        }

        /** The clock. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Checks every setting and builds the policy. */
        public ReportPolicy build() {
            Violations v = Violations.of("report policy");
            v.check(rpoTarget != null && rpoTarget.isPositive(), "rpoTarget", "must be positive");
            v.check(window != null && window.isPositive(), "window", "must be positive");
            v.check(clock != null, "clock", "must be given");
            v.throwIfAny();
            return new ReportPolicy(this);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReportPolicy p && rpoTarget.equals(p.rpoTarget) && window.equals(p.window) && clock.equals(p.clock);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rpoTarget, window, clock);
    }
}
