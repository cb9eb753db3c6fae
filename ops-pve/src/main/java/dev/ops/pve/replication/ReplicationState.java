package dev.ops.pve.replication;

import java.time.Instant;
import java.util.Optional;

/**
 * What a node reports of a replication job it runs ({@code /nodes/{node}/replication}).
 *
 * @param id the job id
 * @param guest the guest
 * @param source the node the guest is on
 * @param target the node it replicates to
 * @param lastSync when it last synced; {@link Instant#EPOCH} when never
 * @param nextSync when it syncs next
 * @param failCount how many runs in a row failed
 * @param error the last run's error, empty when it succeeded
 */
public record ReplicationState(String id, int guest, String source, String target, Instant lastSync, Instant nextSync, int failCount,
        String error) {

    /** The last run's error, if it failed. */
    public Optional<String> failure() {
        return error.isEmpty() ? Optional.empty() : Optional.of(error);
    }

    /** Whether the job ever synced. */
    public boolean synced() {
        return lastSync.isAfter(Instant.EPOCH);
    }
}
