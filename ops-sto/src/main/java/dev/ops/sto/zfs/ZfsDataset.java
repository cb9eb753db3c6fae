package dev.ops.sto.zfs;

import java.time.Instant;
import java.util.Objects;

/**
 * A dataset, volume or snapshot as {@code zfs list}/{@code zfs get -p} report it: exact bytes,
 * creation to the second.
 *
 * @param name the full name, e.g. {@code tank/vm-101-disk-0@pre-upgrade}
 * @param type its kind
 * @param used bytes used
 * @param available bytes available (0 for snapshots)
 * @param referenced bytes referenced
 * @param creation when it was created
 * @param mountpoint where a file system is mounted ({@code none}, {@code legacy} or a path); empty for others
 */
public record ZfsDataset(String name, ZfsType type, long used, long available, long referenced, Instant creation, String mountpoint) {

    public ZfsDataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(creation, "creation");
        Objects.requireNonNull(mountpoint, "mountpoint");
    }

    /** The dataset part of a snapshot's name (before {@code @}); the name itself otherwise. */
    public String dataset() {
        int at = name.indexOf('@');
        return at < 0 ? name : name.substring(0, at);
    }
}
