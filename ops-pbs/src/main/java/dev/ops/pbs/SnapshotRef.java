package dev.ops.pbs;

import dev.ops.core.error.Violations;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Which snapshot: its group's type and id and its backup time (whole seconds, as PBS names them),
 * e.g. {@code vm/100/2026-01-02T03:04:05Z}. The datastore and namespace are given apart.
 *
 * @param type the group's backup type
 * @param id the group's backup id, e.g. {@code 100}
 * @param time the backup time
 */
public record SnapshotRef(BackupType type, String id, Instant time) {
    public SnapshotRef {
        boolean validId = id != null && !id.isBlank() && id.indexOf('/') < 0;
        if (type == null || !validId || time == null) {
            // The messages are built only for a ref that is refused: a listing makes thousands of refs.
            Violations v = Violations.of("snapshot");
            v.check(type != null, "backup-type", "must be given");
            v.check(validId, "backup-id", "'" + id + "' must be a non-empty id without '/'");
            v.check(time != null, "backup-time", "must be given");
            v.throwIfAny();
        }
        time = time.getNano() == 0 ? time : time.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The snapshot {@code type/id/time}, e.g. {@code SnapshotRef.of(BackupType.VM, "100", t)}. */
    public static SnapshotRef of(BackupType type, String id, Instant time) {
        return new SnapshotRef(type, id, time);
    }

    /** Parses {@code vm/100/2026-01-02T03:04:05Z}. */
    public static SnapshotRef parse(String path) {
        String[] parts = Objects.requireNonNull(path, "path").split("/");
        if (parts.length != 3) {
            Violations.of("snapshot").add("snapshot", "'" + path + "' is not type/id/time").throwIfAny();
        }
        Instant t;
        try {
            t = Instant.parse(parts[2]);
        } catch (java.time.format.DateTimeParseException e) {
            Violations.of("snapshot").add("backup-time", "'" + parts[2] + "' is not an RFC 3339 time").throwIfAny();
            throw new IllegalStateException("unreachable");
        }
        return new SnapshotRef(BackupType.parse(parts[0]), parts[1], t);
    }

    /** The group, {@code type/id}. */
    public String group() {
        return type.wire() + "/" + id;
    }

    /** The snapshot path, {@code type/id/time}. */
    public String path() {
        return group() + "/" + time;
    }

    /**
     * The volume id Proxmox VE knows this snapshot by on its storage {@code pveStorage} of type
     * {@code pbs} (whose namespace is part of the storage), e.g. {@code pbs:backup/vm/100/2026-01-02T03:04:05Z},
     * for a restore.
     */
    public String volumeOn(String pveStorage) {
        return pveStorage + ":backup/" + path();
    }

    @Override
    public String toString() {
        return path();
    }
}
