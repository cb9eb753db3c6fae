package dev.ops.sto.btrfs;

import java.util.Objects;

/**
 * A Btrfs subvolume or snapshot as {@code btrfs subvolume list} and {@code show} report it.
 *
 * @param id the subvolume id (5 is the top level)
 * @param generation the last generation that changed it
 * @param parentId the id of the subvolume it sits in
 * @param path its path below the file system's top level (as btrfs prints it; may hold spaces and newlines)
 * @param uuid its UUID
 * @param parentUuid the UUID of the subvolume it is a snapshot of; empty when it is not a snapshot
 * @param receivedUuid the UUID it was received from by {@code btrfs receive}; empty when not received
 * @param readOnly whether it is read-only
 */
public record Subvolume(long id, long generation, long parentId, String path, String uuid, String parentUuid, String receivedUuid,
        boolean readOnly) {

    public Subvolume {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(parentUuid, "parentUuid");
        Objects.requireNonNull(receivedUuid, "receivedUuid");
    }

    /** Whether it is a snapshot of another subvolume. */
    public boolean isSnapshot() {
        return !parentUuid.isEmpty();
    }
}
