package dev.ops.core.journal;

import dev.ops.core.change.RollbackReport;
import dev.ops.core.error.OpsException;
import dev.ops.core.store.UnreadableRecord;
import java.util.List;

/**
 * What {@link Journal#recover} did: the applies it rolled back, those whose rollback failed, those
 * another process claimed first, and the journal records it could not read (reported here and
 * logged once at WARN, never thrown, so that one damaged record blocks no other recovery).
 */
public record RecoveryReport(List<RollbackReport> rolledBack, List<Failure> failed, List<String> claimedElsewhere,
        List<UnreadableRecord> unreadable) {

    public RecoveryReport {
        rolledBack = List.copyOf(rolledBack);
        failed = List.copyOf(failed);
        claimedElsewhere = List.copyOf(claimedElsewhere);
        unreadable = List.copyOf(unreadable);
    }

    /** An interrupted apply whose rollback failed, with why. */
    public record Failure(String applyId, OpsException error) {}

    /** Whether every interrupted apply found was rolled back and every record could be read. */
    public boolean clean() {
        return failed.isEmpty() && unreadable.isEmpty();
    }
}
