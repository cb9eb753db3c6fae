package dev.ops.sto.safety.internal;

import dev.ops.core.Ops;
import dev.ops.core.journal.ApplyRecord;
import dev.ops.core.journal.ApplyStatus;
import dev.ops.core.journal.StepRecord;
import dev.ops.core.journal.StepState;
import java.util.HashMap;
import java.util.Map;

/**
 * The safety snapshots that a change in the journal can still roll back to (its record applied,
 * running or rolling back, its snapshot step done), by snapshot name, with the reason to keep each:
 * pruning must not take them.
 */
public final class SafetyPins {
    /** How a safety snapshot step's description starts; the snapshot's full name follows. */
    public static final String PREFIX = "safety snapshot ";

    private SafetyPins() {}

    /** Snapshot name (ZFS {@code ds@name}, a Btrfs path, LVM {@code vg/name}) to the reason it is pinned. */
    public static Map<String, String> of(Ops ops) {
        Map<String, String> pins = new HashMap<>();
        for (ApplyRecord r : ops.journal().list()) {
            if (r.status() == ApplyStatus.ROLLED_BACK) {
                continue;
            }
            for (StepRecord s : r.steps()) {
                if (s.state() == StepState.DONE && s.description().startsWith(PREFIX) && s.undo() != null) {
                    pins.put(s.description().substring(PREFIX.length()),
                            "safety snapshot of '" + r.change() + "' (journal " + r.id() + "), which can still roll back to it");
                }
            }
        }
        return pins;
    }
}
