package dev.ops.pbs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A backup snapshot of {@code GET /admin/datastore/{store}/snapshots}. A snapshot still being written
 * has no manifest yet, and PBS lists it without size, verification or fingerprint: those are
 * {@code Optional} here, and {@link #inProgress()} says which it is.
 */
@com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = SnapshotReader.class)
public final class Snapshot {
    /** The manifest file, present once a backup finished. */
    static final String MANIFEST = "index.json.blob";

    private final SnapshotRef ref;
    private final Long size;
    private final boolean isProtected;
    private final String comment;
    private final String verification;
    private final String fingerprint;
    private final String owner;
    private final List<String> files;
    /** The backup type PBS sent when it is none this client knows; the snapshot then has no ref, and is never handed out. */
    final String unknownType;

    /** A snapshot as read; {@code files} is an unmodifiable list, kept as it is (its reader shares one between entries). */
    Snapshot(SnapshotRef ref, Long size, boolean isProtected, String comment, String verification, String fingerprint, String owner,
            List<String> files) {
        this.ref = ref;
        this.size = size;
        this.isProtected = isProtected;
        this.comment = comment;
        this.verification = verification;
        this.fingerprint = fingerprint;
        this.owner = owner;
        this.files = files;
        this.unknownType = null;
    }

    /** An entry whose backup type is not one of vm, ct, host: the listing that holds it is refused. */
    Snapshot(String unknownType) {
        this.ref = null;
        this.size = null;
        this.isProtected = false;
        this.comment = null;
        this.verification = null;
        this.fingerprint = null;
        this.owner = null;
        this.files = List.of();
        this.unknownType = unknownType;
    }

    /** Which snapshot this is. */
    public SnapshotRef ref() {
        return ref;
    }

    /** The backup type. */
    public BackupType type() {
        return ref.type();
    }

    /** The backup id. */
    public String id() {
        return ref.id();
    }

    /** The backup time. */
    public Instant time() {
        return ref.time();
    }

    /** Its size in bytes; empty while it is being written. */
    public OptionalLong size() {
        return size == null ? OptionalLong.empty() : OptionalLong.of(size);
    }

    /** Whether it is protected from prune and removal. */
    public boolean isProtected() {
        return isProtected;
    }

    /** The first line of its notes. */
    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    /** The state of its last verification ({@code ok} or {@code failed}); empty when never verified. */
    public Optional<String> verification() {
        return Optional.ofNullable(verification);
    }

    /** The fingerprint of its encryption key; empty when not encrypted or still being written. */
    public Optional<String> fingerprint() {
        return Optional.ofNullable(fingerprint);
    }

    /** Its owner. */
    public Optional<String> owner() {
        return Optional.ofNullable(owner);
    }

    /** The names of its files. */
    public List<String> files() {
        return files;
    }

    /**
     * Whether it is still being written (or was left unfinished): it has no manifest. Without a file
     * list, one without a size is taken as unfinished.
     */
    public boolean inProgress() {
        return files.isEmpty() ? size == null : !files.contains(MANIFEST);
    }

    @Override
    public String toString() {
        return "Snapshot[" + ref + (inProgress() ? ", in progress" : "") + (isProtected ? ", protected" : "") + "]";
    }
}
