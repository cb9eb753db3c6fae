package dev.ops.sys.window;

import java.time.Instant;

/**
 * One occurrence of a maintenance window: from {@code start} (inclusive) to {@code end} (exclusive).
 *
 * @param start when it opens
 * @param end when it closes
 */
public record Window(Instant start, Instant end) {

    /** Whether {@code t} lies inside. */
    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
