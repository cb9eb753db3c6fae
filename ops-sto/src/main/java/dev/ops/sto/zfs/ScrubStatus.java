package dev.ops.sto.zfs;

import java.util.Objects;

/**
 * What {@code zpool status} says about scrubbing.
 *
 * @param state none requested, running, finished or canceled
 * @param errors errors the last finished scrub repaired or found (0 when unknown)
 * @param line the status line as printed ({@code scan:} or {@code scrub:})
 */
public record ScrubStatus(State state, long errors, String line) {

    public ScrubStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(line, "line");
    }

    /** The states of a scrub. */
    public enum State {
        /** No scrub was ever asked for. */
        NONE,
        /** A scrub is running. */
        RUNNING,
        /** The last scrub finished. */
        FINISHED,
        /** The last scrub was canceled. */
        CANCELED
    }
}
