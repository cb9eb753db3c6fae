package dev.ops.pve.backup;

import dev.ops.core.error.Violations;
import dev.ops.pve.PveIds;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A restore of a backup volume ({@code local:backup/vzdump-qemu-101-....vma.zst}) as guest {@link #vmid()}.
 * Overwriting an existing guest needs {@link #force()}, and cannot be rolled back.
 */
@Value.Immutable
public abstract class RestoreRequest {

    /** The backup volume id. */
    public abstract String archive();

    /** The VMID to restore as. */
    public abstract int vmid();

    /** {@code storage} for the restored disks. */
    public abstract Optional<String> storage();

    /** {@code force}: overwrite an existing guest. */
    public abstract Optional<Boolean> force();

    /** {@code unique}: assign fresh MAC addresses. */
    public abstract Optional<Boolean> unique();

    /** {@code start} after restore. */
    public abstract Optional<Boolean> start();

    /** {@code pool}. */
    public abstract Optional<String> pool();

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
        Violations v = Violations.of("restore request");
        PveIds.checkVmid(v, "vmid", vmid());
        v.check(archive().contains(":") || archive().startsWith("/"), "archive", "'" + archive() + "' is not a backup volume id");
        storage().ifPresent(s -> PveIds.checkStorage(v, "storage", s));
        v.throwIfAny();
    }

    /** Builds a {@link RestoreRequest}. */
    public static final class Builder extends ImmutableRestoreRequest.Builder {}
}
