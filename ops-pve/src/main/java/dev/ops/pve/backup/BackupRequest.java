package dev.ops.pve.backup;

import dev.ops.core.error.Violations;
import dev.ops.pve.PveIds;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A vzdump backup of one guest ({@code POST /nodes/{node}/vzdump}); only what is set is sent. */
@Value.Immutable
public abstract class BackupRequest {

    /** {@code storage}: where the backup goes. */
    public abstract Optional<String> storage();

    /** {@code mode}: snapshot, suspend or stop. */
    public abstract Optional<String> mode();

    /** {@code compress}: 0, 1, gzip, lzo or zstd. */
    public abstract Optional<String> compress();

    /** {@code notes-template}. */
    public abstract Optional<String> notes();

    /** {@code protected}: keep the backup from pruning. */
    public abstract Optional<Boolean> protect();

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
        Violations v = Violations.of("backup request");
        storage().ifPresent(s -> PveIds.checkStorage(v, "storage", s));
        mode().ifPresent(m -> v.check(List.of("snapshot", "suspend", "stop").contains(m), "mode", "'" + m + "' must be snapshot, suspend or stop"));
        compress().ifPresent(c -> v.check(List.of("0", "1", "gzip", "lzo", "zstd").contains(c), "compress",
                "'" + c + "' must be 0, 1, gzip, lzo or zstd"));
        v.throwIfAny();
    }

    /** Builds a {@link BackupRequest}. */
    public static final class Builder extends ImmutableBackupRequest.Builder {}
}
