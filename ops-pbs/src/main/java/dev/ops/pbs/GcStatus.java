package dev.ops.pbs;

import dev.ops.proxmox.JsonValue;
import java.time.Instant;
import java.util.Optional;

/**
 * A datastore's garbage collection, from {@code GET /admin/datastore/{store}/gc}: what the chunk store
 * holds, what the last run removed and left pending, and how that run ended.
 *
 * @param diskBytes bytes the chunks take on disk
 * @param diskChunks how many chunks there are
 * @param indexDataBytes bytes the index files refer to (before deduplication)
 * @param removedBytes bytes the last run removed
 * @param pendingBytes bytes pending removal, kept for safety until a later run
 * @param lastRunState how the last run ended ({@code ok}, an error), empty text when it never ran ({@link #lastRun()})
 * @param lastRunEnd when the last run ended, in epoch seconds; 0 when it never ran ({@link #lastRunEndTime()})
 */
public record GcStatus(long diskBytes, long diskChunks, long indexDataBytes, long removedBytes, long pendingBytes, String lastRunState,
        long lastRunEnd) {

    static GcStatus from(JsonValue v) {
        return new GcStatus(v.path("disk-bytes").asLong(), v.path("disk-chunks").asLong(), v.path("index-data-bytes").asLong(),
                v.path("removed-bytes").asLong(), v.path("pending-bytes").asLong(), v.path("last-run-state").asText(""),
                v.path("last-run-endtime").asLong());
    }

    /** How the last run ended; empty when it never ran. */
    public Optional<String> lastRun() {
        return lastRunState.isEmpty() ? Optional.empty() : Optional.of(lastRunState);
    }

    /** When the last run ended; empty when it never ran. */
    public Optional<Instant> lastRunEndTime() {
        return lastRunEnd <= 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(lastRunEnd));
    }

    /** The deduplication factor: referred bytes per byte on disk; 1.0 when nothing is stored. */
    public double deduplicationFactor() {
        return diskBytes <= 0 ? 1.0 : (double) indexDataBytes / diskBytes;
    }
}
