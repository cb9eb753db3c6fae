package dev.ops.proxmox.task;

import dev.ops.core.error.Violations;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often a task's status is polled: fast at first ({@code initial}, 50 ms by default), then each
 * interval {@code factor} times the last, up to {@code max}, with a little jitter so that many
 * waiters do not poll in step. A 5 s task takes about 12 polls with the defaults.
 *
 * @param initial the first interval
 * @param factor how much each interval grows (at least 1)
 * @param max the longest interval
 * @param jitter the fraction (0 to 0.5) by which an interval is randomly shortened or lengthened
 */
public record PollPolicy(Duration initial, double factor, Duration max, double jitter) {

    public PollPolicy {
        Violations v = Violations.of("poll policy");
        v.check(initial != null && !initial.isNegative() && !initial.isZero(), "initial", "must be positive");
        v.check(factor >= 1.0, "factor", "must be at least 1");
        v.check(max != null && initial != null && max.compareTo(initial) >= 0, "max", "must be at least initial");
        v.check(jitter >= 0 && jitter <= 0.5, "jitter", "must be between 0 and 0.5");
        v.throwIfAny();
    }

    /** 50 ms, growing by 1.4 up to 1 s, 10% jitter. */
    public static PollPolicy defaults() {
        return new PollPolicy(Duration.ofMillis(50), 1.4, Duration.ofSeconds(1), 0.1);
    }

    /** The interval before poll number {@code n} (0-based), jitter included. */
    public Duration interval(int n) {
        double base = initial.toNanos() * Math.pow(factor, Math.min(n, 64));
        double capped = Math.min(base, max.toNanos());
        double j = jitter == 0 ? 1 : 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        return Duration.ofNanos(Math.max(1, (long) (capped * j)));
    }
}
