package dev.ops.core.journal;

import dev.ops.core.audit.AuditLog;
import dev.ops.core.audit.AuditRecord;
import dev.ops.core.audit.AuditRecord.Outcome;
import dev.ops.core.change.Action;
import dev.ops.core.change.Plan;
import dev.ops.core.change.RollbackReport;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.OpsException;
import dev.ops.core.error.RollbackFailedException;
import dev.ops.core.json.Json;
import dev.ops.core.store.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write-ahead journal of applies, kept in the state store under {@code journal/}.
 *
 * <p>An apply's record, with every step's undo, is written before its first step runs, and each
 * step is marked {@link StepState#STARTED} before it runs and {@link StepState#DONE} after. A
 * process killed in the middle leaves a {@link ApplyStatus#RUNNING} record whose owner is dead;
 * {@link #recover} finds those and rolls them back.
 */
public final class Journal {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final String PREFIX = "journal/";
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final StateStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final String actor;

    public Journal(StateStore store, AuditLog audit, Clock clock, String actor) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.actor = actor;
    }

    /** Writes the record of a new apply with all its steps pending; returns its id. */
    public String begin(Plan plan) {
        String id = ID_TIME.format(clock.instant()) + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<StepRecord> steps = new ArrayList<>();
        for (Step s : plan.steps()) {
            steps.add(new StepRecord(s.description(), s.action(), s.undo().orElse(null), s.undoOnFailure(), StepState.PENDING, null));
        }
        ApplyRecord record = new ApplyRecord(id, plan.change(), actor, Owner.current(), ApplyStatus.RUNNING,
                clock.instant(), clock.instant(), steps);
        if (!store.compareAndSet(PREFIX + id, StateStore.ABSENT, Json.write(record))) {
            throw new OpsException("journal id " + id + " already taken");
        }
        return id;
    }

    /**
     * Runs step {@code index} of apply {@code id}: marks it started, executes it, marks it done,
     * and audits the outcome. A failure is recorded and rethrown.
     */
    public void runStep(String id, int index, Targets targets) {
        ApplyRecord record = update(id, r -> r.withStep(index, r.steps().get(index).withState(StepState.STARTED, null), clock.instant()));
        StepRecord step = record.steps().get(index);
        try {
            step.action().execute(targets);
        } catch (RuntimeException e) {
            update(id, r -> r.withStep(index, r.steps().get(index).withState(StepState.FAILED, e.getMessage()), clock.instant()));
            audit(record, step, step.action(), Outcome.FAILED, e.getMessage());
            throw e;
        }
        update(id, r -> r.withStep(index, r.steps().get(index).withState(StepState.DONE, null), clock.instant()));
        audit(record, step, step.action(), Outcome.APPLIED, "");
    }

    /** Marks apply {@code id} as fully applied. */
    public void finish(String id) {
        update(id, r -> r.withStatus(ApplyStatus.APPLIED, clock.instant()));
    }

    /** The record of one apply. */
    public Optional<ApplyRecord> find(String id) {
        return store.get(PREFIX + id).map(v -> Json.read(v.value(), ApplyRecord.class));
    }

    /** Every apply in the journal, oldest first. */
    public List<ApplyRecord> list() {
        // Ids start with the second they were made in; within a second, the creation time orders them.
        return store.list(PREFIX).stream().map(e -> Json.read(e.value().value(), ApplyRecord.class))
                .sorted(java.util.Comparator.comparing(ApplyRecord::createdAt).thenComparing(ApplyRecord::id)).toList();
    }

    /** Applies left running by a process that no longer exists. */
    public List<ApplyRecord> interrupted() {
        return list().stream().filter(ApplyRecord::isInterrupted).toList();
    }

    /**
     * Rolls back every interrupted apply, as {@link #recover(Targets)} does, and also those of other
     * machines whose records have not moved for {@code remoteStaleAfter} (see
     * {@link ApplyRecord#isInterrupted(Instant, java.time.Duration)}).
     */
    public List<RollbackReport> recover(Targets targets, java.time.Duration remoteStaleAfter) {
        Instant now = clock.instant();
        return recoverAll(list().stream().filter(r -> r.isInterrupted(now, remoteStaleAfter)).toList(), targets);
    }

    /**
     * Rolls back every interrupted apply, resolving the hosts and endpoints its steps name through
     * {@code targets}. A step whose outcome is unknown (started, never marked done) is undone too,
     * tolerating an undo that finds nothing to revert. Returns one report per apply.
     */
    public List<RollbackReport> recover(Targets targets) {
        return recoverAll(interrupted(), targets);
    }

    private List<RollbackReport> recoverAll(List<ApplyRecord> records, Targets targets) {
        List<RollbackReport> reports = new ArrayList<>();
        for (ApplyRecord r : records) {
            LOG.debug("recovering interrupted apply {} ({}) of pid {}", r.id(), r.change(), r.owner().pid());
            reports.add(rollback(r.id(), targets));
        }
        return reports;
    }

    /**
     * Reverts apply {@code id}, newest step first. Steps already undone are skipped, so a second
     * call is a no-op, and a call after a partial failure retries only what is left.
     */
    public RollbackReport rollback(String id, Targets targets) {
        ApplyRecord record = find(id).orElseThrow(() -> new NotFoundException("journal/" + id, "no such apply"));
        List<String> undone = new ArrayList<>();
        List<String> irreversible = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        RuntimeException firstFailure = null;
        for (int i = record.steps().size() - 1; i >= 0; i--) {
            StepRecord step = record.steps().get(i);
            boolean unknownOutcome = step.state() == StepState.STARTED || step.state() == StepState.FAILED && step.undoOnFailure();
            boolean needsUndo = step.state() == StepState.DONE || unknownOutcome || step.state() == StepState.UNDO_FAILED;
            if (!needsUndo) {
                continue;
            }
            int index = i;
            if (step.undo() == null) {
                irreversible.add(step.description());
                update(id, r -> r.withStep(index, r.steps().get(index).withState(StepState.IRREVERSIBLE, null), clock.instant()));
                continue;
            }
            try {
                step.undo().execute(targets);
                undone.add(step.description());
                update(id, r -> r.withStep(index, r.steps().get(index).withState(StepState.UNDONE, null), clock.instant()));
                audit(record, step, step.undo(), Outcome.UNDONE, "");
            } catch (RuntimeException e) {
                if (unknownOutcome) {
                    // The step may never have run; an undo with nothing to revert is expected then.
                    LOG.debug("undo of unfinished step '{}' failed, taking it as never applied: {}", step.description(), e.getMessage());
                    update(id, r -> r.withStep(index, r.steps().get(index).withState(StepState.UNDONE, "undo found nothing: " + e.getMessage()), clock.instant()));
                    continue;
                }
                failed.add(step.description() + ": " + e.getMessage());
                firstFailure = firstFailure == null ? e : firstFailure;
                update(id, r -> r.withStep(index, r.steps().get(index).withState(StepState.UNDO_FAILED, e.getMessage()), clock.instant()));
                audit(record, step, step.undo(), Outcome.UNDO_FAILED, e.getMessage());
            }
        }
        if (!failed.isEmpty()) {
            update(id, r -> r.withStatus(ApplyStatus.ROLLBACK_FAILED, clock.instant()));
            throw new RollbackFailedException(id, failed, firstFailure);
        }
        if (record.status() != ApplyStatus.ROLLED_BACK) {
            update(id, r -> r.withStatus(ApplyStatus.ROLLED_BACK, clock.instant()));
        }
        return new RollbackReport(id, undone, irreversible);
    }

    /** Deletes the records of finished applies older than {@code keep} most recent ones; returns how many. */
    public int prune(int keep) {
        List<ApplyRecord> finished = list().stream().filter(r -> r.status() != ApplyStatus.RUNNING).toList();
        int removed = 0;
        for (int i = 0; i < finished.size() - keep; i++) {
            if (store.delete(PREFIX + finished.get(i).id())) {
                removed++;
            }
        }
        return removed;
    }

    private ApplyRecord update(String id, UnaryOperator<ApplyRecord> change) {
        byte[] next = store.update(PREFIX + id, bytes -> {
            if (bytes == null) {
                throw new NotFoundException("journal/" + id, "no such apply");
            }
            return Json.write(change.apply(Json.read(bytes, ApplyRecord.class)));
        });
        return Json.read(next, ApplyRecord.class);
    }

    private void audit(ApplyRecord record, StepRecord step, Action action, Outcome outcome, String detail) {
        audit.record(new AuditRecord(clock.instant(), actor, action.target(), record.id(), record.change(), step.description(),
                action.render(), outcome, detail == null ? "" : detail));
    }

}
