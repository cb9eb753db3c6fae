package dev.ops.lab.site;

/**
 * One kind of snapshot's retention from the seed's {@code snapshot_retention}: how old and how many
 * per volume (or per guest) a snapshot may be, and whether automatic clean-up deletes the others
 * (the seed deletes snapshots by automatic clean-up only).
 *
 * @param maxAgeDays the oldest a snapshot may be, in days (0: no limit)
 * @param maxPerVolume the most snapshots of one volume (or guest) kept (0: no limit)
 * @param autoCleanup whether expired snapshots are deleted automatically
 */
public record SnapshotRetention(int maxAgeDays, int maxPerVolume, boolean autoCleanup) {
    /** No limit: what a policies file that says nothing of {@code snapshot_retention} gives. */
    public static SnapshotRetention unlimited() {
        return new SnapshotRetention(0, 0, false);
    }

    /** The seed's values for volume (LVM) snapshots: 30 days, 10 per volume, cleaned up. */
    public static SnapshotRetention seedVolumes() {
        return new SnapshotRetention(30, 10, true);
    }

    /** The seed's values for guest snapshots: 7 days, 5 per guest, cleaned up. */
    public static SnapshotRetention seedGuests() {
        return new SnapshotRetention(7, 5, true);
    }
}
