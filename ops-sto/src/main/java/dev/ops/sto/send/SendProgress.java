package dev.ops.sto.send;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * How far a send is: the bytes that have passed through the pipeline so far, what the plan expected
 * (-1 when the sender could not say), and the time since it started. The last report of a send
 * that succeeded has {@code done} set and its final byte count.
 *
 * @param bytes the bytes moved so far
 * @param expectedBytes what the plan expected to move; -1 when unknown
 * @param elapsed the time since the send started
 * @param done whether this is the final report
 */
public record SendProgress(long bytes, long expectedBytes, Duration elapsed, boolean done) {

    /** The share moved, 0 to 1, when the expected size is known. */
    public OptionalDouble fraction() {
        return expectedBytes > 0 ? OptionalDouble.of(Math.min(1.0, (double) bytes / expectedBytes)) : OptionalDouble.empty();
    }

    /** Bytes per second so far. */
    public double bytesPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s > 0 ? bytes / s : 0;
    }
}
