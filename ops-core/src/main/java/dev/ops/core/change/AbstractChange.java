package dev.ops.core.change;

import dev.ops.core.Ops;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.RollbackFailedException;
import dev.ops.core.error.StalePlanException;
import dev.ops.core.error.Violations;
import dev.ops.core.journal.ChangeLock;
import dev.ops.core.journal.Journal;
import dev.ops.core.json.internal.Json;
import dev.ops.core.privilege.Privilege;
import dev.ops.core.privilege.PrivilegeCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.MDC;

/**
 * The base of every change in ops. A subclass says how to validate its input
 * ({@link #validate}), what it takes to reach the desired state from the current one
 * ({@link #planSteps}: steps, remarks and a context, all at once), which hosts and endpoints the
 * steps name ({@link #targets}) and what applying yields ({@link #result}); this class runs the
 * change model: policy, privileges, the change's lock, journal, audit, rollback on failure.
 * Changes that act on one host extend {@link HostChange}.
 *
 * @param <T> what applying yields
 * @param <C> what planning hands to {@link #result}; {@link Void} when nothing
 */
public abstract class AbstractChange<T, C> implements Change<T> {
    /** The MDC key under which the journal id of the running apply is put (docs/observability.md lists every key). */
    public static final String MDC_OPERATION = "ops.operation";
    /** The MDC key under which the description of the running step is put, while it runs. */
    public static final String MDC_STEP = "ops.step";
    /** The MDC key under which the target (host or endpoint name) of the running step is put, while it runs. */
    public static final String MDC_HOST = "ops.host";

    protected final Ops ops;

    protected AbstractChange(Ops ops) {
        this.ops = Objects.requireNonNull(ops, "ops");
    }

    /** Adds every problem with this change's input to {@code violations}. */
    protected void validate(Violations violations) {}

    /**
     * Reads the current state and returns the steps that bring the target to the desired state
     * (none when it is there), remarks for the operator, and the context {@link #result} gets.
     * Reads only: never writes, reserves or locks anything.
     */
    protected abstract Planned<C> planSteps();

    /** The hosts and endpoints the steps name. */
    protected abstract Targets targets();

    /** The value to hand back once the plan made with {@code context} was applied (read back from the target where cheap). */
    protected abstract T result(C context);

    /**
     * What each host must grant for this plan, by host name. The default asks for root on every
     * host where a step's action {@linkplain Action#needsRoot() needs root}.
     */
    protected Map<String, Set<Privilege>> requiredPrivileges(Plan plan) {
        Map<String, Set<Privilege>> needed = new LinkedHashMap<>();
        for (Step s : plan.steps()) {
            if (s.action().needsRoot()) {
                needed.computeIfAbsent(s.target(), k -> new LinkedHashSet<>()).add(Privilege.root());
            }
        }
        return needed;
    }

    @Override
    public final Plan plan() {
        validateOrThrow();
        return toPlan(observedPlanSteps());
    }

    /** {@link #planSteps()}, told to the installed {@link PlanListener}s. */
    final Planned<C> observedPlanSteps() {
        List<PlanListener> listeners = PlanListener.installed();
        if (listeners.isEmpty()) {
            return planSteps();
        }
        listeners.forEach(l -> l.planning(this, ops));
        try {
            return planSteps();
        } finally {
            listeners.forEach(l -> l.planned(this, ops));
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>The change's lock ({@link dev.ops.core.journal.Journal#lock}) is taken before planning and
     * held to the end, so that two processes applying the same change at once never both make it:
     * the second gets a {@link dev.ops.core.error.LockHeldException} naming the first (retryable),
     * and applying it again after the first finished plans nothing.
     */
    @Override
    public final Applied<T> apply() {
        return applyChecked(null);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The change is planned again under its lock and compared with {@code reviewed}, step by
     * step (description, target, action and undo): any difference refuses the apply with a
     * {@link StalePlanException} listing it, so that what runs is exactly what was reviewed.
     */
    @Override
    public final Applied<T> apply(Plan reviewed) {
        return applyChecked(Objects.requireNonNull(reviewed, "reviewed"));
    }

    /** Applies under the change's lock; with {@code reviewed}, only when the plan made now is the same. */
    private Applied<T> applyChecked(Plan reviewed) {
        validateOrThrow();
        Targets targets = targets();
        try (ChangeLock lock = ops.journal().lock(description(), targets.names())) {
            Planned<C> planned = observedPlanSteps();
            Plan plan = toPlan(planned);
            if (reviewed != null) {
                requireSame(reviewed, plan);
            }
            if (plan.isEmpty() && !continuesAfterSteps()) {
                return new Applied<>(result(planned.context()), plan, Rollback.nothing());
            }
            ops.policy().approve(plan);
            beforeApply(plan);
            requiredPrivileges(plan).forEach((hostName, privileges) -> PrivilegeCheck.require(targets.host(hostName), privileges));
            String id = ops.journal().begin(plan, lock);
            String previous = MDC.get(MDC_OPERATION);
            MDC.put(MDC_OPERATION, id);
            ApplyEvent event = new ApplyEvent(id, getClass().getSimpleName(), plan);
            long started = System.nanoTime();
            ApplyListeners.tell(ops.listeners(), l -> l.planned(event));
            StepRunner runner = new StepRunner(ops.journal(), id, targets, plan.steps(), ops.listeners(), event);
            try {
                T value = execute(planned.context(), plan.steps().size(), runner);
                // Made before the apply finishes, while the journal still holds the steps it keeps out of the store.
                Rollback rollback = Rollback.of(ops.journal(), id, runner.targets);
                ops.journal().finish(id);
                ApplyListeners.tell(ops.listeners(), l -> l.finished(event, ApplyEvent.Outcome.APPLIED, ApplyListeners.since(started)));
                return new Applied<>(value, plan, rollback);
            } catch (RuntimeException failure) {
                ApplyEvent.Outcome outcome = runner.rolledBack && !(failure instanceof RollbackFailedException)
                        ? ApplyEvent.Outcome.ROLLED_BACK : ApplyEvent.Outcome.FAILED;
                ApplyListeners.tell(ops.listeners(), l -> l.finished(event, outcome, ApplyListeners.since(started)));
                throw failure;
            } finally {
                if (previous == null) {
                    MDC.remove(MDC_OPERATION);
                } else {
                    MDC.put(MDC_OPERATION, previous);
                }
            }
        }
    }

    /**
     * Called once a plan of this change is approved for apply, before privileges are checked and
     * anything is journaled or run (alone or as a member of a composite): where an
     * {@link ApplyGuard} is asked.
     */
    void beforeApply(Plan plan) {}

    /** Whether {@link #finishAfter} may add steps, so that even an empty first plan is journaled. */
    boolean continuesAfterSteps() {
        return false;
    }

    /** Runs the planned steps (there are {@code steps} of them) and yields the result; a sequence runs its members in turn. */
    T execute(C context, int steps, StepRunner runner) {
        runner.run(0, steps);
        return finishAfter(context, runner);
    }

    /**
     * Called once this change's planned steps ran, inside the apply's journal record: yields the
     * result. A composite whose later part is planned only now overrides it to append and run more.
     */
    T finishAfter(C context, StepRunner runner) {
        return result(context);
    }

    /** Runs steps of one apply, rolling back everything done so far when one fails. */
    static final class StepRunner {
        private final Journal journal;
        private final String id;
        /** Every target known so far: the plan's, and those of steps appended since. */
        private Targets targets;
        /** Every step of the apply so far, by index: the plan's, and those appended since. */
        private final List<Step> steps;
        private final List<ApplyListener> listeners;
        private final ApplyEvent event;
        /** Whether a failure made this apply roll back what it had done (for the outcome listeners hear). */
        private boolean rolledBack;

        StepRunner(Journal journal, String id, Targets targets, List<Step> steps, List<ApplyListener> listeners, ApplyEvent event) {
            this.journal = journal;
            this.id = id;
            this.targets = targets;
            this.steps = new ArrayList<>(steps);
            this.listeners = listeners;
            this.event = event;
        }

        /** Journals {@code steps} under this apply and runs them, with {@code more} targets known from now on; returns this runner. */
        StepRunner append(List<Step> steps, Targets more) {
            targets = targets.withAll(more);
            if (steps.isEmpty()) {
                return this;
            }
            int first;
            try {
                first = journal.append(id, steps);
            } catch (RuntimeException failure) {
                throw fail(failure);
            }
            this.steps.addAll(steps);
            run(first, first + steps.size());
            return this;
        }

        /** Rolls back everything this apply did so far and returns {@code failure} to throw. */
        RuntimeException fail(RuntimeException failure) {
            rolledBack = true;
            rollbackAfter(journal, id, targets, failure);
            return failure;
        }

        void run(int from, int to) {
            for (int i = from; i < to; i++) {
                int index = i;
                Step step = index < steps.size() ? steps.get(index) : null;
                long started = System.nanoTime();
                ApplyListeners.tell(listeners, l -> l.stepStarted(event, index, step));
                if (step != null) {
                    MDC.put(MDC_STEP, step.description());
                    MDC.put(MDC_HOST, step.target());
                }
                try {
                    journal.runStep(id, i, targets);
                } catch (RuntimeException failure) {
                    // The rollback that follows undoes other steps: its log lines do not carry this one's keys.
                    MDC.remove(MDC_STEP);
                    MDC.remove(MDC_HOST);
                    ApplyListeners.tell(listeners, l -> l.stepFailed(event, index, step, failure, ApplyListeners.since(started)));
                    rolledBack = true;
                    rollbackAfter(journal, id, targets, failure);
                    throw failure;
                } finally {
                    MDC.remove(MDC_STEP);
                    MDC.remove(MDC_HOST);
                }
                ApplyListeners.tell(listeners, l -> l.stepFinished(event, index, step, ApplyListeners.since(started)));
            }
        }
    }

    /** Validates, throwing every violation at once. */
    final void validateOrThrow() {
        Violations v = Violations.of(description());
        validate(v);
        v.throwIfAny();
    }

    final Plan toPlan(Planned<C> planned) {
        List<String> notes = new ArrayList<>(planned.notes());
        notes.addAll(standardNotes(planned.steps()));
        Plan plan = Plan.of(description(), planned.steps(), notes, ops.clock().instant());
        ops.policy().check(plan);
        return plan;
    }

    /** Why a step cannot be undone, or why only this process can undo it. */
    private List<String> standardNotes(List<Step> steps) {
        List<String> notes = new ArrayList<>();
        for (Step s : steps) {
            if (s.undo().isEmpty()) {
                notes.add("'" + s.description() + "' cannot be undone by rollback");
            } else if (!ops.journal().recoverableElsewhere(s.undo().get())) {
                notes.add("'" + s.description() + "' holds secret content, kept out of the journal: only this process can undo it"
                        + " (give Ops a JournalKey to keep it encrypted for crash recovery)");
            }
        }
        return notes;
    }

    private static void requireSame(Plan reviewed, Plan now) {
        List<String> differences = new ArrayList<>();
        if (!reviewed.change().equals(now.change())) {
            differences.add("the plan is for '" + reviewed.change() + "', not '" + now.change() + "'");
        }
        int common = Math.min(reviewed.steps().size(), now.steps().size());
        for (int i = 0; i < common; i++) {
            Step was = reviewed.steps().get(i);
            Step is = now.steps().get(i);
            if (!sameStep(was, is)) {
                differences.add("step " + (i + 1) + " was '" + was + "', is now '" + is + "'");
            }
        }
        for (int i = common; i < now.steps().size(); i++) {
            differences.add("step " + (i + 1) + " is new: '" + now.steps().get(i) + "'");
        }
        for (int i = common; i < reviewed.steps().size(); i++) {
            differences.add("step " + (i + 1) + " is no longer needed: '" + reviewed.steps().get(i) + "'");
        }
        if (!differences.isEmpty()) {
            throw new StalePlanException(now.change(), differences);
        }
    }

    private static boolean sameStep(Step a, Step b) {
        return a.description().equals(b.description()) && a.target().equals(b.target()) && a.undoOnFailure() == b.undoOnFailure()
                && sameAction(a.action(), b.action()) && sameAction(a.undo().orElse(null), b.undo().orElse(null));
    }

    private static boolean sameAction(Action a, Action b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.getClass() == b.getClass() && Arrays.equals(Json.write(a), Json.write(b));
    }

    private static void rollbackAfter(Journal journal, String id, Targets targets, RuntimeException failure) {
        try {
            journal.rollback(id, targets);
        } catch (RollbackFailedException rf) {
            RollbackFailedException thrown = new RollbackFailedException(id, rf.failedSteps(), failure);
            thrown.addSuppressed(rf);
            throw thrown;
        } catch (RuntimeException other) {
            // The rollback could not even start (claimed elsewhere, record unreadable): the step's failure stays the news.
            failure.addSuppressed(other);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + description() + "]";
    }
}
