package dev.ops.sto.lvm;

import java.util.Objects;

/**
 * What {@code lvconvert --merge} did: merged the snapshot back into its origin, or scheduled the
 * merge for the origin's next activation because the origin is in use.
 *
 * @param snapshot the snapshot (vg/lv)
 * @param origin its origin (vg/lv)
 * @param deferred whether the merge waits for the origin's next activation
 */
public record MergeOutcome(String snapshot, String origin, boolean deferred) {

    public MergeOutcome {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(origin, "origin");
    }
}
