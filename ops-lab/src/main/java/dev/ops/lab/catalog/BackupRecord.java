package dev.ops.lab.catalog;

import java.util.Objects;

/**
 * A vzdump backup the lab took of a guest, as the catalog keeps it with its retention state:
 * {@code kept} from when it is taken, {@code pruned} once retention deleted its volume (the record
 * stays, with the date). Rolling back the change that took it removes the volume and the record.
 *
 * @param vmid the guest's VMID
 * @param node the guest's node
 * @param id the catalog's id of the backup ({@code 20261206120000-local}: when and where it was taken)
 * @param storage the storage it went to
 * @param volid the backup's volume id ({@code local:backup/vzdump-lxc-200-2026_12_06-12_00_00.tar.zst})
 * @param taken when it was taken (ISO-8601)
 * @param mode the vzdump mode: {@code snapshot}, {@code suspend} or {@code stop}
 * @param size the volume's size in bytes; 0 when the storage does not say
 * @param state {@code kept} or {@code pruned}
 * @param pruned when retention deleted it (ISO-8601); empty while kept
 */
public record BackupRecord(int vmid, String node, String id, String storage, String volid, String taken, String mode, long size,
        String state, String pruned) {
    /** The state of a backup whose volume is still there. */
    public static final String KEPT = "kept";
    /** The state of a backup retention deleted. */
    public static final String PRUNED = "pruned";

    public BackupRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(volid, "volid");
        Objects.requireNonNull(state, "state");
        // absent from an older or hand-made record: empty
        node = Objects.requireNonNullElse(node, "");
        storage = Objects.requireNonNullElse(storage, "");
        taken = Objects.requireNonNullElse(taken, "");
        mode = Objects.requireNonNullElse(mode, "");
        pruned = Objects.requireNonNullElse(pruned, "");
    }

    /** This record as retention leaves it, its volume deleted at {@code when}. */
    public BackupRecord prunedAt(String when) {
        return new BackupRecord(vmid, node, id, storage, volid, taken, mode, size, PRUNED, when);
    }
}
