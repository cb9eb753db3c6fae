package dev.ops.pbs;

import dev.ops.proxmox.JsonValue;
import java.time.Instant;
import java.util.Optional;

/**
 * A backup group of {@code GET /admin/datastore/{store}/groups}: a type and id (one guest or host),
 * its newest backup, how many snapshots it holds, its owner and comment.
 */
public final class BackupGroup {
    private final BackupType type;
    private final String id;
    private final Instant lastBackup;
    private final long count;
    private final String owner;
    private final String comment;

    private BackupGroup(BackupType type, String id, Instant lastBackup, long count, String owner, String comment) {
        this.type = type;
        this.id = id;
        this.lastBackup = lastBackup;
        this.count = count;
        this.owner = owner;
        this.comment = comment;
    }

    static BackupGroup from(JsonValue v) {
        Long last = Values.number(v, "last-backup");
        Long n = Values.number(v, "backup-count");
        return new BackupGroup(BackupType.parse(v.path("backup-type").asText("")), v.path("backup-id").asText(""),
                last == null ? null : Instant.ofEpochSecond(last), n == null ? 0 : n, Values.text(v, "owner"), Values.text(v, "comment"));
    }

    /** The backup type. */
    public BackupType type() {
        return type;
    }

    /** The backup id, e.g. {@code 100}. */
    public String id() {
        return id;
    }

    /** The group, {@code type/id}. */
    public String group() {
        return type.wire() + "/" + id;
    }

    /** When its newest snapshot was made. */
    public Optional<Instant> lastBackup() {
        return Optional.ofNullable(lastBackup);
    }

    /** How many snapshots it holds. */
    public long backupCount() {
        return count;
    }

    /** Its owner, e.g. {@code root@pam!backup}. */
    public Optional<String> owner() {
        return Optional.ofNullable(owner);
    }

    /** Its comment (the first line of its newest snapshot's notes). */
    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    @Override
    public String toString() {
        return "BackupGroup[" + group() + ", " + count + " snapshots]";
    }
}
