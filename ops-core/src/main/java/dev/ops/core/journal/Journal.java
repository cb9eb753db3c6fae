package dev.ops.core.journal;

import dev.ops.core.audit.AuditLog;
import dev.ops.core.audit.AuditRecord;
import dev.ops.core.audit.AuditRecord.Outcome;
import dev.ops.core.change.Action;
import dev.ops.core.change.Plan;
import dev.ops.core.change.RollbackReport;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.CorruptRecordException;
import dev.ops.core.error.LockHeldException;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.OpsException;
import dev.ops.core.error.RollbackFailedException;
import dev.ops.core.json.internal.Json;
import dev.ops.core.store.Durability;
import dev.ops.core.store.StateStore;
import dev.ops.core.store.UnreadableRecord;
import dev.ops.core.store.Versioned;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
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
 *
 * <p>Like PostgreSQL's crash recovery, recovery is safe to run from several processes at once and
 * survives damage: a rollback first claims the record with compare-and-set ({@link ApplyStatus#ROLLING_BACK}
 * with itself as claimant), so no undo runs twice, and a claim of a dead claimant is taken over;
 * a record that cannot be read is reported by key and location and the others are recovered.
 * Processes that a dead apply's step left running on this machine (the step's record names them)
 * are killed before the step is undone.
 *
 * <p>Applies of one change (its description and targets) by several processes are serialized by a
 * lock in the store ({@link #lock}), a lease that names its holder, like the Terraform state lock.
 *
 * <p>An apply writes durably only what recovery after a crash of the operating system needs: a
 * step's start (the record, with every step's undo, as it is when the step runs), a step's failure,
 * the apply's finish, and every write of a rollback. The rest is written {@link Durability#RELAXED},
 * safe from a crash of the process but not of the system: the record as first written (nothing ran
 * yet), steps added later (their start carries them), a step's end (the next step's start or the
 * finish carries it; a system crash before leaves the step started, which recovery undoes as of
 * unknown outcome), the step's processes and the change's lock (a system crash stops every process
 * of this machine, the only ones they can name). The audit log writes durably.
 */
public final class Journal {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final String PREFIX = "journal/";
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
    /** How long a lock of a holder on another machine lasts without renewal; every step renews it. */
    /** How long recovery waits for a dead step's processes to be gone after killing them. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final StateStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final String actor;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final JournalSeal seal;
    private final ChangeLocks locks;
    /** Secret-bearing actions kept out of the store, by apply id: strongly while the apply runs, then as long as a handle pins them. */
    private final Map<String, HeldActions> running = new ConcurrentHashMap<>();
    private final Map<String, WeakReference<HeldActions>> held = new ConcurrentHashMap<>();

    public Journal(StateStore store, AuditLog audit, Clock clock, String actor) {
        this(store, audit, clock, actor, Optional.empty());
    }

    /**
     * A journal that keeps the actions of secret-bearing steps encrypted with {@code key} (when
     * given), so that another process can still run their undo; without a key they are kept out
     * of the store and only this process can.
     */
    public Journal(StateStore store, AuditLog audit, Clock clock, String actor, Optional<JournalKey> key) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.actor = actor;
        this.seal = new JournalSeal(key);
        this.locks = new ChangeLocks(store, clock, actor, this::find, this::newId);
    }

    /**
     * Whether another process (crash recovery) could run {@code action} from this journal: it
     * holds no secret, or this journal encrypts such actions with a {@link JournalKey}.
     */
    public boolean recoverableElsewhere(Action action) {
        return seal.recoverable(action);
    }

    /**
     * Keeps this process's copies of apply {@code id}'s secret-bearing actions alive for as long as
     * the returned object is reachable (a rollback handle holds it); null when there are none.
     */
    public Object pin(String id) {
        HeldActions h = running.get(id);
        if (h != null) {
            return h;
        }
        WeakReference<HeldActions> ref = held.get(id);
        return ref == null ? null : ref.get();
    }

    private Action toRun(String id, int index, boolean undo, Action stored) {
        String slot = index + (undo ? "/undo" : "/action");
        Object pinned = pin(id);
        if (pinned instanceof HeldActions h && h.actions().containsKey(slot)) {
            return h.actions().get(slot);
        }
        return seal.open(stored, id + "/" + slot);
    }

    private void release(String id) {
        HeldActions h = running.remove(id);
        if (h != null) {
            held.put(id, new WeakReference<>(h));
        }
        held.values().removeIf(r -> r.get() == null);
    }

    /** The original actions of an apply's sealed steps, by {@code index/action} and {@code index/undo}. */
    private record HeldActions(Map<String, Action> actions) {}

    /** Writes the record of a new apply with all its steps pending; returns its id. */
    public String begin(Plan plan) {
        return begin(plan, Optional.empty());
    }

    /**
     * Writes the record of a new apply of a change whose lock {@code lock} holds; returns its id: the
     * one the lock was taken naming, for the first apply begun under it.
     */
    public String begin(Plan plan, ChangeLock lock) {
        return begin(plan, Optional.of(lock));
    }

    private String newId() {
        return ID_TIME.format(clock.instant()) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String begin(Plan plan, Optional<ChangeLock> lock) {
        // The lock already names the id of the first apply begun under it: nothing to write to it.
        Optional<String> reserved = lock.flatMap(ChangeLock::takeReservedId);
        String id = reserved.orElseGet(this::newId);
        List<StepRecord> steps = stepRecords(id, 0, plan.steps());
        ApplyRecord record = new ApplyRecord(id, plan.change(), actor, Owner.current(), ApplyStatus.RUNNING,
                clock.instant(), clock.instant(), steps, null, lock.map(ChangeLock::key).orElse(null), ApplyRecord.FORMAT);
        if (!store.compareAndSet(PREFIX + id, StateStore.ABSENT, Json.write(record), Durability.RELAXED)) {
            throw new OpsException("journal id " + id + " already taken");
        }
        if (reserved.isEmpty()) {
            lock.ifPresent(l -> locks.bind(l, id));
        }
        return id;
    }

    /**
     * Adds steps to running apply {@code id}: steps that could only be planned once the earlier ones
     * ran (a composite change whose later part uses what an earlier part made). They are journaled
     * with their undo before they run, as the first ones were. Returns the index of the first.
     */
    public int append(String id, List<Step> more) {
        int[] first = new int[1];
        update(id, r -> {
            if (r.status() != ApplyStatus.RUNNING || !r.owner().isCurrent()) {
                throw new ConflictException(PREFIX + id, "apply is " + r.status() + ", no longer running here; steps not added", false);
            }
            first[0] = r.steps().size();
            return r.withMoreSteps(stepRecords(id, first[0], more), clock.instant());
        }, Durability.RELAXED);
        return first[0];
    }

    /** The records of {@code steps} numbered from {@code offset}, secret-bearing actions sealed and held in memory. */
    private List<StepRecord> stepRecords(String id, int offset, List<Step> steps) {
        List<StepRecord> records = new ArrayList<>();
        Map<String, Action> originals = new HashMap<>();
        for (int k = 0; k < steps.size(); k++) {
            Step s = steps.get(k);
            int i = offset + k;
            Action action = seal.seal(s.action(), id + "/" + i + "/action");
            Action undo = seal.seal(s.undo().orElse(null), id + "/" + i + "/undo");
            if (action != s.action()) {
                originals.put(i + "/action", s.action());
            }
            if (undo != s.undo().orElse(null)) {
                originals.put(i + "/undo", s.undo().get());
            }
            records.add(new StepRecord(s.description(), action, undo, s.undoOnFailure(), StepState.PENDING, null));
        }
        if (!originals.isEmpty()) {
            running.merge(id, new HeldActions(Map.copyOf(originals)), (a, b) -> {
                Map<String, Action> both = new HashMap<>(a.actions());
                both.putAll(b.actions());
                return new HeldActions(Map.copyOf(both));
            });
        }
        return records;
    }

    /**
     * Runs step {@code index} of apply {@code id}: marks it started, executes it, marks it done,
     * and audits the outcome. A failure is recorded and rethrown. The processes the step starts on
     * this machine are written to its record while they run (see {@link StepProcesses}).
     */
    public void runStep(String id, int index, Targets targets) {
        ApplyRecord record = update(id, r -> {
            if (r.status() != ApplyStatus.RUNNING || !r.owner().isCurrent()) {
                // Fencing: a recovery that took this apply for dead must not see it go on.
                throw new ConflictException(PREFIX + id, "apply is " + r.status() + (r.claimant() == null ? "" : " by " + r.claimant())
                        + ", no longer running here; step " + index + " not run", false);
            }
            return r.withStep(index, r.steps().get(index).withState(StepState.STARTED, null), clock.instant());
        }, Durability.DURABLE);
        if (record.lock() != null) {
            locks.renew(record.lock(), id);
        }
        StepRecord step = record.steps().get(index);
        try (StepProcesses.Scope ignored = StepProcesses.open(new StepProcesses.Listener() {
            @Override
            public void started(StepProcess p) {
                update(id, r -> r.withStep(index, r.steps().get(index).withProcess(p, true), clock.instant()), Durability.RELAXED);
            }

            @Override
            public void ended(StepProcess p) {
                update(id, r -> r.withStep(index, r.steps().get(index).withProcess(p, false), clock.instant()), Durability.RELAXED);
            }
        })) {
            toRun(id, index, false, step.action()).execute(targets);
        } catch (RuntimeException e) {
            update(id, r -> r.withStep(index, r.steps().get(index).withState(StepState.FAILED, e.getMessage()), clock.instant()), Durability.DURABLE);
            audit(record, step, step.action(), Outcome.FAILED, e.getMessage());
            throw e;
        }
        update(id, r -> r.withStep(index, r.steps().get(index).withState(StepState.DONE, null), clock.instant()), Durability.RELAXED);
        audit(record, step, step.action(), Outcome.APPLIED, "");
    }

    /** Marks apply {@code id} as fully applied. */
    public void finish(String id) {
        update(id, r -> r.withStatus(ApplyStatus.APPLIED, clock.instant()), Durability.DURABLE);
        release(id);
    }

    /**
     * The record of one apply. Throws {@link CorruptRecordException}, naming the key and where the
     * record is kept, when it cannot be read.
     */
    public Optional<ApplyRecord> find(String id) {
        return store.get(PREFIX + id).map(v -> read(id, v.value()));
    }

    /**
     * Every readable apply record, oldest first, and every record that cannot be read (by key and
     * location). One damaged record never hides the others.
     */
    public JournalScan scan() {
        StateStore.Scan raw = store.scan(PREFIX);
        List<ApplyRecord> records = new ArrayList<>();
        List<UnreadableRecord> unreadable = new ArrayList<>(raw.unreadable());
        for (StateStore.Entry e : raw.entries()) {
            try {
                records.add(read(e.key().substring(PREFIX.length()), e.value().value()));
            } catch (CorruptRecordException ex) {
                unreadable.add(UnreadableRecord.of(ex));
            }
        }
        // Ids start with the second they were made in; within a second, the creation time orders them.
        records.sort(Comparator.comparing(ApplyRecord::createdAt).thenComparing(ApplyRecord::id));
        return new JournalScan(records, unreadable);
    }

    /** Every readable apply in the journal, oldest first; unreadable records are logged once at WARN (see {@link #scan}). */
    public List<ApplyRecord> list() {
        JournalScan scan = scan();
        warnOnce(scan.unreadable());
        return scan.records();
    }

    /** Applies (or rollbacks) left running by a process that no longer exists; unreadable records are logged once at WARN. */
    public List<ApplyRecord> interrupted() {
        return list().stream().filter(ApplyRecord::isInterrupted).toList();
    }

    /**
     * Rolls back every interrupted apply, as {@link #recover(Targets)} does, and also those of other
     * machines whose records have not moved for {@code remoteStaleAfter} (see
     * {@link ApplyRecord#isInterrupted(Instant, Duration)}).
     */
    public RecoveryReport recover(Targets targets, Duration remoteStaleAfter) {
        return recoverWhere(targets, r -> r.isInterrupted(clock.instant(), remoteStaleAfter));
    }

    /**
     * Rolls back every interrupted apply, resolving the hosts and endpoints its steps name through
     * {@code targets}. Processes a dead step left running on this machine are killed first. A step
     * whose outcome is unknown (started, never marked done) is undone too, tolerating an undo that
     * finds nothing to revert. Each apply is claimed first, so a concurrent recovery skips it.
     * Returns what was rolled back, what failed, what another process claimed, and which records
     * could not be read; none of these stops the others.
     */
    public RecoveryReport recover(Targets targets) {
        return recoverWhere(targets, ApplyRecord::isInterrupted);
    }

    private RecoveryReport recoverWhere(Targets targets, Predicate<ApplyRecord> interrupted) {
        JournalScan scan = scan();
        List<UnreadableRecord> unreadable = new ArrayList<>(scan.unreadable());
        List<RollbackReport> reports = new ArrayList<>();
        List<RecoveryReport.Failure> failed = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        for (ApplyRecord r : scan.records()) {
            if (!interrupted.test(r)) {
                continue;
            }
            LOG.debug("recovering interrupted apply {} ({}) of {}", r.id(), r.change(), r.owner());
            try {
                Optional<RollbackReport> report = rollbackIf(r.id(), targets, interrupted);
                if (report.isPresent()) {
                    reports.add(report.get());
                } else {
                    elsewhere.add(r.id());
                }
            } catch (CorruptRecordException e) {
                unreadable.add(UnreadableRecord.of(e));
            } catch (LockHeldException e) {
                elsewhere.add(r.id());
            } catch (OpsException e) {
                LOG.warn("recovery of apply {} failed: {}", r.id(), e.getMessage());
                failed.add(new RecoveryReport.Failure(r.id(), e));
            }
        }
        warnOnce(unreadable);
        return new RecoveryReport(reports, failed, elsewhere, unreadable);
    }

    /**
     * Reverts apply {@code id}, newest step first. Steps already undone are skipped, so a second
     * call is a no-op, and a call after a partial failure retries only what is left. The record is
     * claimed first: a rollback already running in a live process, or an apply still running in
     * another live process, makes this throw a {@link ConflictException} naming it.
     */
    public RollbackReport rollback(String id, Targets targets) {
        return rollbackIf(id, targets, null).orElseThrow();
    }

    /**
     * Claims and reverts {@code id}. With {@code eligible} (recovery), a record that no longer
     * matches it (claimed meanwhile) is left alone and empty is returned; without, the rules of
     * an asked-for rollback apply.
     */
    private Optional<RollbackReport> rollbackIf(String id, Targets targets, Predicate<ApplyRecord> eligible) {
        targets = targets.withAll(Targets.none().withStore(store));
        ApplyRecord current = find(id).orElseThrow(() -> new NotFoundException(PREFIX + id, "no such apply"));
        if (current.status() == ApplyStatus.ROLLED_BACK) {
            return eligible == null ? Optional.of(new RollbackReport(id, List.of(), List.of())) : Optional.empty();
        }
        try (ChangeLock lock = current.lock() == null ? null : locks.lockFor(current)) {
            Optional<ApplyRecord> claimed = claim(id, eligible);
            if (claimed.isEmpty()) {
                return eligible == null ? Optional.of(new RollbackReport(id, List.of(), List.of())) : Optional.empty();
            }
            return Optional.of(undoClaimed(claimed.get(), targets));
        }
    }

    /** Takes the record for a rollback by this process, with compare-and-set; empty when there is nothing to do or, in recovery, someone else has it. */
    private Optional<ApplyRecord> claim(String id, Predicate<ApplyRecord> eligible) {
        String key = PREFIX + id;
        for (int attempt = 0; attempt < 1000; attempt++) {
            Versioned v = store.get(key).orElseThrow(() -> new NotFoundException(key, "no such apply"));
            ApplyRecord r = read(id, v.value());
            if (r.status() == ApplyStatus.ROLLED_BACK) {
                return Optional.empty();
            }
            if (eligible != null) {
                if (!eligible.test(r)) {
                    return Optional.empty();
                }
            } else {
                checkRollbackAllowed(r);
            }
            if (store.compareAndSet(key, v.version(), Json.write(r.claimedBy(Owner.current(), clock.instant())))) {
                return Optional.of(r);
            }
        }
        throw new ConflictException(key, "too much contention claiming the record", true);
    }

    private static void checkRollbackAllowed(ApplyRecord r) {
        if (r.status() == ApplyStatus.RUNNING && !r.owner().isCurrent() && r.owner().isAlive()) {
            throw new ConflictException(PREFIX + r.id(), "apply is still running in " + r.owner() + "; roll it back when it finished", true);
        }
        if (r.status() == ApplyStatus.ROLLING_BACK && r.claimant() != null && r.claimant().isAlive()) {
            throw new ConflictException(PREFIX + r.id(), "being rolled back by " + r.claimant(), true);
        }
    }

    /** Runs the undos of a record this process claimed (as it was before the claim). */
    private RollbackReport undoClaimed(ApplyRecord record, Targets targets) {
        try {
            stopLeftoverProcesses(record);
            return undoSteps(record, targets);
        } catch (RuntimeException e) {
            // An undo failed or something else went wrong: never leave the claim of a live process behind.
            try {
                updateClaimed(record.id(), r -> r.withStatus(ApplyStatus.ROLLBACK_FAILED, clock.instant()));
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    private void stopLeftoverProcesses(ApplyRecord record) {
        List<String> survivors = new ArrayList<>();
        for (int i = 0; i < record.steps().size(); i++) {
            StepRecord step = record.steps().get(i);
            for (StepProcess p : step.processes()) {
                if (!p.isLocal()) {
                    LOG.warn("apply {}: step '{}' left {} running on another machine; it is not stopped from here", record.id(),
                            step.description(), p);
                    continue;
                }
                List<Long> alive = LocalProcessGroups.stop(p, STOP_WAIT);
                if (!alive.isEmpty()) {
                    survivors.add(step.description() + ": " + p + " still running after SIGKILL (pids " + alive + ")");
                } else {
                    int index = i;
                    updateClaimed(record.id(), r -> r.withStep(index, r.steps().get(index).withProcess(p, false), clock.instant()));
                }
            }
        }
        if (!survivors.isEmpty()) {
            throw new RollbackFailedException(record.id(), survivors, null);
        }
    }

    private RollbackReport undoSteps(ApplyRecord record, Targets targets) {
        String id = record.id();
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
                updateClaimed(id, r -> r.withStep(index, r.steps().get(index).withState(StepState.IRREVERSIBLE, null), clock.instant()));
                continue;
            }
            try {
                toRun(id, index, true, step.undo()).execute(targets);
                undone.add(step.description());
                updateClaimed(id, r -> r.withStep(index, r.steps().get(index).withState(StepState.UNDONE, null), clock.instant()));
                audit(record, step, step.undo(), Outcome.UNDONE, "");
            } catch (ConflictException e) {
                throw e;
            } catch (RuntimeException e) {
                if (unknownOutcome) {
                    // The step may never have run; an undo with nothing to revert is expected then.
                    LOG.debug("undo of unfinished step '{}' failed, taking it as never applied: {}", step.description(), e.getMessage());
                    updateClaimed(id, r -> r.withStep(index, r.steps().get(index).withState(StepState.UNDONE, "undo found nothing: " + e.getMessage()), clock.instant()));
                    continue;
                }
                failed.add(step.description() + ": " + e.getMessage());
                firstFailure = firstFailure == null ? e : firstFailure;
                updateClaimed(id, r -> r.withStep(index, r.steps().get(index).withState(StepState.UNDO_FAILED, e.getMessage()), clock.instant()));
                audit(record, step, step.undo(), Outcome.UNDO_FAILED, e.getMessage());
            }
        }
        if (!failed.isEmpty()) {
            throw new RollbackFailedException(id, failed, firstFailure);
        }
        updateClaimed(id, r -> r.withStatus(ApplyStatus.ROLLED_BACK, clock.instant()));
        release(id);
        return new RollbackReport(id, undone, irreversible);
    }

    /** Deletes the records of finished applies older than {@code keep} most recent ones; returns how many. */
    public int prune(int keep) {
        List<ApplyRecord> finished = list().stream()
                .filter(r -> r.status() != ApplyStatus.RUNNING && r.status() != ApplyStatus.ROLLING_BACK).toList();
        int removed = 0;
        for (int i = 0; i < finished.size() - keep; i++) {
            if (store.delete(PREFIX + finished.get(i).id())) {
                removed++;
            }
        }
        return removed;
    }

    // ---- the change lock -------------------------------------------------------------------

    /**
     * Takes the lock of one change, identified by its description and the names of its targets,
     * for an apply: another process applying or rolling back the same change at the same time
     * makes this throw a {@link LockHeldException} that names the holder (retryable). A lock left
     * by a dead holder (a process of this machine that is gone, or a lease of another machine not
     * renewed in time) is broken, unless the apply it was taken for is still unrecovered: then
     * this throws a {@link ConflictException} asking for {@link #recover} first. Plans take no lock.
     */
    public ChangeLock lock(String change, Set<String> targetNames) {
        return locks.lock(change, targetNames);
    }

    // ---- records ---------------------------------------------------------------------------

    private ApplyRecord read(String id, byte[] bytes) {
        return ApplyRecords.read(PREFIX + id, store.locationOf(PREFIX + id), id, bytes);
    }

    private void warnOnce(List<UnreadableRecord> unreadable) {
        for (UnreadableRecord u : unreadable) {
            if (warned.add(u.key() + "\n" + u.reason())) {
                LOG.warn("journal record {} at {} cannot be read and was skipped: {}", u.key(), u.location(), u.reason());
            }
        }
    }

    private ApplyRecord update(String id, UnaryOperator<ApplyRecord> change, Durability durability) {
        byte[] next = store.update(PREFIX + id, bytes -> {
            if (bytes == null) {
                throw new NotFoundException(PREFIX + id, "no such apply");
            }
            return Json.write(change.apply(read(id, bytes)));
        }, durability);
        return read(id, next);
    }

    /** Updates a record this process claimed for a rollback; throws when the claim was taken over meanwhile. */
    private ApplyRecord updateClaimed(String id, UnaryOperator<ApplyRecord> change) {
        return update(id, r -> {
            if (r.status() != ApplyStatus.ROLLING_BACK || r.claimant() == null || !r.claimant().isCurrent()) {
                throw new ConflictException(PREFIX + id, "rollback claim was taken over by " + r.claimant() + " (" + r.status() + ")", false);
            }
            return change.apply(r);
        }, Durability.DURABLE);
    }

    private void audit(ApplyRecord record, StepRecord step, Action action, Outcome outcome, String detail) {
        audit.record(new AuditRecord(clock.instant(), actor, action.target(), record.id(), record.change(), step.description(),
                action.render(), outcome, detail == null ? "" : detail));
    }

}
