package dev.ops.core.change;

import dev.ops.core.error.Violations;
import dev.ops.core.privilege.Privilege;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A change made by ops under an {@link ApplyGuard}: every hook goes to the inner change; the plan
 * gets the guard's remarks, and the guard is asked once the plan is approved, before
 * privileges are checked and the journal record is begun and before any step runs (alone or as a member of
 * a composite).
 */
final class GuardedChange<T, C> extends AbstractChange<T, C> {
    private final AbstractChange<T, C> inner;
    private final ApplyGuard guard;

    private GuardedChange(AbstractChange<T, C> inner, ApplyGuard guard) {
        super(inner.ops);
        this.inner = inner;
        this.guard = guard;
    }

    static <T, C> GuardedChange<T, C> of(AbstractChange<T, C> inner, ApplyGuard guard) {
        return new GuardedChange<>(inner, guard);
    }

    @Override
    public String description() {
        return inner.description() + " (" + guard.describe() + ")";
    }

    @Override
    protected void validate(Violations violations) {
        inner.validate(violations);
    }

    @Override
    protected Planned<C> planSteps() {
        return inner.planSteps().withNotes(guard.notes());
    }

    @Override
    protected Targets targets() {
        return inner.targets();
    }

    @Override
    void beforeApply(Plan plan) {
        guard.check(inner.description());
        inner.beforeApply(plan);
    }

    @Override
    protected Map<String, Set<Privilege>> requiredPrivileges(Plan plan) {
        return inner.requiredPrivileges(plan);
    }

    @Override
    boolean continuesAfterSteps() {
        return inner.continuesAfterSteps();
    }

    @Override
    T execute(C context, int steps, StepRunner runner) {
        return inner.execute(context, steps, runner);
    }

    @Override
    T finishAfter(C context, StepRunner runner) {
        return inner.finishAfter(context, runner);
    }


    @Override
    protected T result(C context) {
        return inner.result(context);
    }

    /** A guarded change that ops did not make: planned and applied through its own interface, not composable. */
    static final class Plain<T> implements Change<T> {
        private final Change<T> inner;
        private final ApplyGuard guard;

        Plain(Change<T> inner, ApplyGuard guard) {
            this.inner = inner;
            this.guard = guard;
        }

        @Override
        public String description() {
            return inner.description() + " (" + guard.describe() + ")";
        }

        @Override
        public Plan plan() {
            Plan p = inner.plan();
            List<String> notes = new ArrayList<>(p.notes());
            notes.addAll(guard.notes());
            return Plan.of(p.change(), p.steps(), notes, p.createdAt());
        }

        @Override
        public Applied<T> apply() {
            guard.check(inner.description());
            return inner.apply();
        }

        @Override
        public Applied<T> apply(Plan reviewed) {
            guard.check(inner.description());
            return inner.apply(reviewed);
        }

        @Override
        public String toString() {
            return "GuardedChange[" + description() + "]";
        }
    }
}
