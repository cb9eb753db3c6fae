package dev.ops.lab.catalog;

import java.util.Objects;

/**
 * A safety snapshot the lab took, as the catalog keeps it with its retention state: {@code kept}
 * from when it is taken, {@code pruned} once retention deleted it (the record stays, with the date).
 * Rolling back the change that took it removes the record with the snapshot.
 *
 * @param vmid the guest's VMID
 * @param node the guest's node
 * @param name the snapshot's name ({@code ops_safety_20261206120000})
 * @param before what it was taken before ({@code upgrade, config_change})
 * @param taken when it was taken (ISO-8601)
 * @param state {@code kept} or {@code pruned}
 * @param pruned when retention deleted it (ISO-8601); empty while kept
 */
public record SnapshotRecord(int vmid, String node, String name, String before, String taken, String state, String pruned) {
    /** The state of a snapshot the guest still has. */
    public static final String KEPT = "kept";
    /** The state of a snapshot retention deleted. */
    public static final String PRUNED = "pruned";

    public SnapshotRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        // absent from an older or hand-made record: empty
        node = Objects.requireNonNullElse(node, "");
        before = Objects.requireNonNullElse(before, "");
        taken = Objects.requireNonNullElse(taken, "");
        pruned = Objects.requireNonNullElse(pruned, "");
    }

    /** This record as retention leaves it, deleted at {@code when}. */
    public SnapshotRecord prunedAt(String when) {
        return new SnapshotRecord(vmid, node, name, before, taken, PRUNED, when);
    }
}
