package dev.ops.sto.safety;

import java.util.Objects;

/**
 * A volume a {@link SafetySnapshot} can snapshot and roll back: a ZFS dataset, a Btrfs subvolume
 * (with the directory its snapshot goes in), or an LVM logical volume (with the copy-on-write space
 * of a thick snapshot; 0 for a thin volume).
 */
public final class Volume {
    /** The kinds of volume. */
    public enum Kind {
        /** A ZFS file system or volume. */
        ZFS,
        /** A Btrfs subvolume. */
        BTRFS,
        /** An LVM logical volume. */
        LVM
    }

    private final Kind kind;
    private final String name;
    private final String snapshotDir;
    private final long cowBytes;

    private Volume(Kind kind, String name, String snapshotDir, long cowBytes) {
        this.kind = kind;
        this.name = Objects.requireNonNull(name, "name");
        this.snapshotDir = snapshotDir;
        this.cowBytes = cowBytes;
    }

    /** A ZFS dataset, e.g. {@code rpool/ROOT/pve-1}. */
    public static Volume zfs(String dataset) {
        return new Volume(Kind.ZFS, dataset, "", 0);
    }

    /** A Btrfs subvolume at {@code path}, its safety snapshot made read-only in {@code snapshotDir}. */
    public static Volume btrfs(String path, String snapshotDir) {
        return new Volume(Kind.BTRFS, path, Objects.requireNonNull(snapshotDir, "snapshotDir"), 0);
    }

    /** An LVM logical volume {@code vg/lv}, with {@code cowBytes} for a thick snapshot (0 for a thin volume). */
    public static Volume lvm(String vgLv, long cowBytes) {
        return new Volume(Kind.LVM, vgLv, "", cowBytes);
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /** The dataset, path or vg/lv. */
    public String name() {
        return name;
    }

    /** For Btrfs, where the snapshot goes; empty otherwise. */
    public String snapshotDir() {
        return snapshotDir;
    }

    /** For LVM, the copy-on-write space of a thick snapshot; 0 otherwise. */
    public long cowBytes() {
        return cowBytes;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name;
    }
}
