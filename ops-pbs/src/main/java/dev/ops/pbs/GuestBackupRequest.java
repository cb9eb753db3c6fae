package dev.ops.pbs;

import dev.ops.core.error.Violations;
import dev.ops.core.retention.RetentionPolicy;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A backup of one Proxmox VE guest into this PBS, as {@link PbsChanges#backupGuest} runs it: the PVE
 * storage of type {@code pbs} that points at {@link #store()} and {@link #ns()}, the vzdump mode,
 * whether the new snapshot is verified, and the retention applied to the guest's group afterwards.
 */
@Value.Immutable
public abstract class GuestBackupRequest {
    /** The PVE storage (type {@code pbs}) the backup goes through. */
    public abstract String pveStorage();

    /** The PBS datastore that storage points at. */
    public abstract String store();

    /** The namespace that storage points at (the root by default). */
    @Value.Default
    public Namespace ns() {
        return Namespace.root();
    }

    /** {@code snapshot} (default), {@code suspend} or {@code stop}. */
    @Value.Default
    public String mode() {
        return "snapshot";
    }

    /** The notes template of the backup, e.g. {@code {{guestname}}}. */
    public abstract Optional<String> notes();

    /** Whether the new snapshot is verified on the PBS (default yes). */
    @Value.Default
    public boolean verify() {
        return true;
    }

    /**
     * The retention applied to the guest's group after the backup (none: nothing is pruned); only its
     * keep options count, and its zone is replaced by the PBS host's, read at apply.
     */
    public abstract Optional<RetentionPolicy> retention();

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's settings, to derive a changed copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    @Value.Check
    protected void check() {
        Violations v = Violations.of("guest backup");
        v.check(pveStorage().matches("[A-Za-z][A-Za-z0-9\\-_.]*"), "pveStorage", "'" + pveStorage() + "' is not a PVE storage id");
        PbsIds.safeId(v, "store", store());
        v.check(List.of("snapshot", "suspend", "stop").contains(mode()), "mode", "'" + mode() + "' must be snapshot, suspend or stop");
        retention().ifPresent(r -> {
            v.check(r.maxAgeDays().isEmpty() && r.maxSnapshotsPerGroup().isEmpty() && r.minimumAge().isZero(), "retention",
                    "PBS prune has only the keep options");
            v.check(r.keepsSomething(), "retention", "sets no keep option; leave the retention out to keep every backup");
        });
        v.throwIfAny();
    }

    /** Builds a {@link GuestBackupRequest}. */
    public static final class Builder extends ImmutableGuestBackupRequest.Builder {}
}
