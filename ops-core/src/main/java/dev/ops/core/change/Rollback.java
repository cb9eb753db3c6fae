package dev.ops.core.change;

import dev.ops.core.journal.Journal;
import java.util.Optional;

/** A handle that reverts one apply, newest step first; running it twice is a no-op. */
public final class Rollback {
    private final Journal journal;
    private final String id;
    private final Targets targets;
    /** This process's copies of secret-bearing steps kept out of the journal, held alive by this handle. */
    @SuppressWarnings("unused")
    private final Object pinned;

    private Rollback(Journal journal, String id, Targets targets) {
        this.journal = journal;
        this.id = id;
        this.targets = targets;
        this.pinned = journal == null ? null : journal.pin(id);
    }

    /** The handle of a journaled apply. */
    public static Rollback of(Journal journal, String id, Targets targets) {
        return new Rollback(journal, id, targets);
    }

    /** A handle for an apply that changed nothing. */
    public static Rollback nothing() {
        return new Rollback(null, null, Targets.none());
    }

    /** The journal id, absent when there is nothing to revert. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /**
     * Runs the undo of every step that was done, newest first, and returns what it did. Throws
     * {@link dev.ops.core.error.RollbackFailedException} when an undo step fails; the steps that
     * were undone stay undone, so running it again tries only what is left. Throws a
     * {@link dev.ops.core.error.ConflictException} naming the other process when one is applying or
     * rolling back the same apply, and a {@link dev.ops.core.error.CorruptRecordException} naming the
     * record's key and location when the journal record cannot be read.
     */
    public RollbackReport run() {
        if (id == null) {
            return RollbackReport.nothing();
        }
        return journal.rollback(id, targets);
    }
}
