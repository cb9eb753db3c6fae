package dev.ops.pbs;

import dev.ops.core.error.Violations;
import java.util.Optional;

/**
 * What a verification covers: one snapshot, one backup group, or a whole datastore (from a
 * namespace down); {@link #skipVerified()} leaves out snapshots whose last verification passed.
 */
public final class VerifyScope {
    private final BackupType type;
    private final String id;
    private final SnapshotRef ref;
    private final boolean ignoreVerified;

    private VerifyScope(BackupType type, String id, SnapshotRef ref, boolean ignoreVerified) {
        this.type = type;
        this.id = id;
        this.ref = ref;
        this.ignoreVerified = ignoreVerified;
    }

    /** One snapshot. */
    public static VerifyScope snapshot(SnapshotRef ref) {
        Violations.of("verify scope").check(ref != null, "snapshot", "must be given").throwIfAny();
        return new VerifyScope(ref.type(), ref.id(), ref, false);
    }

    /** Every snapshot of one backup group. */
    public static VerifyScope group(BackupType type, String id) {
        Violations v = Violations.of("verify scope");
        v.check(type != null, "backup-type", "must be given");
        v.check(id != null && !id.isBlank(), "backup-id", "must be given");
        v.throwIfAny();
        return new VerifyScope(type, id, null, false);
    }

    /** Every snapshot of the datastore in the namespace given with it and below. */
    public static VerifyScope datastore() {
        return new VerifyScope(null, null, null, false);
    }

    /** The same scope, leaving out snapshots whose last verification passed ({@code ignore-verified}). */
    public VerifyScope skipVerified() {
        return new VerifyScope(type, id, ref, true);
    }

    /** The group's type, when a group or snapshot is verified. */
    public Optional<BackupType> type() {
        return Optional.ofNullable(type);
    }

    /** The group's id, when a group or snapshot is verified. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** The snapshot, when one is verified. */
    public Optional<SnapshotRef> ref() {
        return Optional.ofNullable(ref);
    }

    /** Whether snapshots verified OK before are left out. */
    public boolean ignoreVerified() {
        return ignoreVerified;
    }

    @Override
    public String toString() {
        return ref != null ? "snapshot " + ref : type != null ? "group " + type.wire() + "/" + id : "every snapshot";
    }
}
