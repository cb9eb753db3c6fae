package dev.ops.core.change;

import dev.ops.core.Ops;
import dev.ops.core.error.RollbackFailedException;
import dev.ops.core.journal.ChangeLock;
import dev.ops.core.error.Violations;
import dev.ops.core.privilege.Privilege;
import dev.ops.core.privilege.PrivilegeCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.MDC;

/**
 * The base of every change in ops. A subclass says how to validate its input, how to compute
 * steps from the current state, and what the result is; this class runs the change model:
 * policy, privileges, journal, audit, rollback on failure.
 *
 * @param <T> what applying yields
 */
public abstract class AbstractChange<T> implements Change<T> {
    /** The MDC key under which the journal id of the running apply is put. */
    public static final String MDC_OPERATION = "ops.operation";

    protected final Ops ops;

    protected AbstractChange(Ops ops) {
        this.ops = ops;
    }

    /** Adds every problem with this change's input to {@code violations}. */
    protected void validate(Violations violations) {}

    /** Reads the current state and returns the steps that bring the target to the desired state; none when it is there. */
    protected abstract List<Step> computeSteps();

    /** The hosts and endpoints the steps name. */
    protected abstract Targets targets();

    /** The value to hand back after {@code plan} was applied (read back from the target where cheap). */
    protected abstract T result(Plan plan);

    /** Remarks for the plan, e.g. why a step cannot be undone, or why only this process can undo it. */
    protected List<String> notes(List<Step> steps) {
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
        Violations v = Violations.of(description());
        validate(v);
        v.throwIfAny();
        List<Step> steps = computeSteps();
        Plan plan = Plan.of(description(), steps, notes(steps), ops.clock().instant());
        ops.policy().check(plan);
        return plan;
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
        Violations v = Violations.of(description());
        validate(v);
        v.throwIfAny();
        Targets targets = targets();
        try (ChangeLock lock = ops.journal().lock(description(), targets.names())) {
            Plan plan = plan();
            if (plan.isEmpty()) {
                return new Applied<>(result(plan), plan, Rollback.nothing());
            }
            ops.policy().approve(plan);
            requiredPrivileges(plan).forEach((hostName, privileges) -> PrivilegeCheck.require(targets.host(hostName), privileges));
            String id = ops.journal().begin(plan, lock);
            // Made before any step runs, so that it holds the steps this process keeps out of the journal.
            Rollback rollback = Rollback.of(ops.journal(), id, targets);
            String previous = MDC.get(MDC_OPERATION);
            MDC.put(MDC_OPERATION, id);
            try {
                for (int i = 0; i < plan.steps().size(); i++) {
                    try {
                        ops.journal().runStep(id, i, targets);
                    } catch (RuntimeException failure) {
                        rollbackAfter(id, targets, failure);
                        throw failure;
                    }
                }
                ops.journal().finish(id);
            } finally {
                if (previous == null) {
                    MDC.remove(MDC_OPERATION);
                } else {
                    MDC.put(MDC_OPERATION, previous);
                }
            }
            return new Applied<>(result(plan), plan, rollback);
        }
    }

    private void rollbackAfter(String id, Targets targets, RuntimeException failure) {
        try {
            ops.journal().rollback(id, targets);
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
