package dev.ops.core.change;

import dev.ops.core.error.Violations;
import dev.ops.core.privilege.Privilege;
import dev.ops.core.privilege.PrivilegeCheck;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** A change, then one made from its result at apply: see {@link Changes#then}. */
final class ThenChange<A, C, B> extends AbstractChange<B, C> {
    private final AbstractChange<A, C> first;
    private final Function<? super A, ? extends Change<B>> next;

    ThenChange(AbstractChange<A, C> first, Function<? super A, ? extends Change<B>> next) {
        super(first.ops);
        this.first = first;
        this.next = next;
    }

    @Override
    public String description() {
        return first.description() + ", then a change made from its result";
    }

    @Override
    protected void validate(Violations violations) {
        first.validate(violations);
    }

    @Override
    protected Planned<C> planSteps() {
        return first.planSteps().withNote("then: the next change is planned at apply, from what '" + first.description()
                + "' yields; a value it needs is known only then");
    }

    @Override
    protected Targets targets() {
        return first.targets();
    }

    @Override
    protected Map<String, Set<Privilege>> requiredPrivileges(Plan plan) {
        return first.requiredPrivileges(plan);
    }

    @Override
    void beforeApply(Plan plan) {
        first.beforeApply(plan);
    }

    @Override
    boolean continuesAfterSteps() {
        return true;
    }

    @Override
    B finishAfter(C context, StepRunner runner) {
        try {
            A made = first.finishAfter(context, runner);
            return continueWith(Changes.member(next.apply(made), "next"), runner);
        } catch (RuntimeException failure) {
            throw runner.fail(failure);
        }
    }

    private <D> B continueWith(AbstractChange<B, D> later, StepRunner runner) {
        later.validateOrThrow();
        Planned<D> planned = later.observedPlanSteps();
        Plan plan = later.toPlan(planned);
        ops.policy().approve(plan);
        later.beforeApply(plan);
        Targets targets = later.targets();
        later.requiredPrivileges(plan).forEach((host, p) -> PrivilegeCheck.require(targets.host(host), p));
        StepRunner more = runner.append(planned.steps(), targets);
        return later.finishAfter(planned.context(), more);
    }


    @Override
    protected B result(C context) {
        throw new IllegalStateException("a composite's later part yields its result");
    }
}
