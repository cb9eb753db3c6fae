package dev.ops.core.fleet;

import dev.ops.core.error.OpsException;
import java.time.Duration;
import java.util.Optional;

/**
 * What one host of a {@link Fleet} run gave: a value, a typed failure, or a timeout (the host
 * did not answer within its own or the overall deadline).
 *
 * @param <T> the value type
 */
public sealed interface HostResult<T> {

    /** The host's name. */
    String host();

    /** How long the host's call took (up to the deadline for a timeout). */
    Duration elapsed();

    /** Whether the call returned a value. */
    default boolean ok() {
        return this instanceof Success<T>;
    }

    /** The value, when the call succeeded. */
    default Optional<T> valueIfOk() {
        return this instanceof Success<T> s ? Optional.ofNullable(s.value()) : Optional.empty();
    }

    /** The call returned a value. */
    record Success<T>(String host, T value, Duration elapsed) implements HostResult<T> {}

    /** The call threw; non-ops exceptions are wrapped in an {@link OpsException}. */
    record Failure<T>(String host, OpsException error, Duration elapsed) implements HostResult<T> {}

    /**
     * The call did not finish in time and was cancelled (its thread interrupted).
     *
     * @param stopped whether the call ended within the fleet's cancel grace; false when it ignored
     *        the interruption and was left running on its own thread
     */
    record TimedOut<T>(String host, Duration elapsed, boolean stopped) implements HostResult<T> {

        /** A call that timed out and was stopped. */
        public TimedOut(String host, Duration elapsed) {
            this(host, elapsed, true);
        }
    }
}
