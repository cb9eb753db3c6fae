package dev.ops.proxmox;

import dev.ops.core.error.Violations;
import java.time.Duration;

/**
 * How the client retries calls that may safely be tried again: reads that failed on the server
 * (5xx) or on the way (connection broken, read timed out), calls refused before they ran (connection
 * refused, guest or config locked). Mutating calls that may have reached the server are never
 * retried. Backoff doubles from {@code initialBackoff} to {@code maxBackoff}, with jitter; no retry
 * starts after {@code maxElapsed}.
 *
 * @param maxAttempts attempts in all, including the first (1 = never retry)
 * @param initialBackoff the first pause
 * @param maxBackoff the longest pause
 * @param maxElapsed the budget for all attempts of one call (the caller's deadline)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxElapsed) {

    public RetryPolicy {
        Violations v = Violations.of("retry policy");
        v.check(maxAttempts >= 1, "maxAttempts", "must be at least 1");
        v.check(initialBackoff != null && !initialBackoff.isNegative(), "initialBackoff", "must not be negative");
        v.check(maxBackoff != null && initialBackoff != null && maxBackoff.compareTo(initialBackoff) >= 0, "maxBackoff",
                "must be at least initialBackoff");
        v.check(maxElapsed != null && !maxElapsed.isNegative(), "maxElapsed", "must not be negative");
        v.throwIfAny();
    }

    /** 5 attempts, 200 ms doubling to 5 s, within 60 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    /** No retries at all. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** The same policy with another budget for all attempts of a call. */
    public RetryPolicy withMaxElapsed(Duration budget) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, budget);
    }
}
