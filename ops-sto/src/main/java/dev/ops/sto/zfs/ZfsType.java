package dev.ops.sto.zfs;

/** The kinds of ZFS dataset. */
public enum ZfsType {
    /** A file system. */
    FILESYSTEM,
    /** A volume (zvol), a block device. */
    VOLUME,
    /** A snapshot of a file system or volume. */
    SNAPSHOT,
    /** A bookmark. */
    BOOKMARK
}
