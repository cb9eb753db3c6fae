package dev.ops.core.change;

import java.util.List;

/** What a rollback did: the steps it undid (newest first) and those that could not be undone. */
public record RollbackReport(String applyId, List<String> undone, List<String> irreversible) {

    public RollbackReport {
        undone = List.copyOf(undone);
        irreversible = List.copyOf(irreversible);
    }

    static RollbackReport nothing() {
        return new RollbackReport("", List.of(), List.of());
    }

    /** Whether the rollback had nothing left to do. */
    public boolean wasNoop() {
        return undone.isEmpty() && irreversible.isEmpty();
    }
}
