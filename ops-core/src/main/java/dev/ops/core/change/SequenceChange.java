package dev.ops.core.change;

import dev.ops.core.Ops;
import dev.ops.core.error.Violations;
import dev.ops.core.privilege.Privilege;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Several changes as one: see {@link Changes#sequence(Change[])}. */
final class SequenceChange extends AbstractChange<List<Object>, List<SequenceChange.MemberPlan<?, ?>>> {
    private final List<AbstractChange<?, ?>> members;

    SequenceChange(Ops ops, List<AbstractChange<?, ?>> members) {
        super(ops);
        this.members = List.copyOf(members);
    }

    /** One member's part of the plan: its change, what it planned, and how many steps. */
    record MemberPlan<T, C>(AbstractChange<T, C> change, Planned<C> planned) {
        T finish(AbstractChange.StepRunner runner) {
            return change.finishAfter(planned.context(), runner);
        }
    }

    @Override
    public String description() {
        return "sequence of " + members.size() + " changes: " + members.stream().map(Change::description).collect(Collectors.joining("; "));
    }

    @Override
    protected void validate(Violations violations) {
        for (int i = 0; i < members.size(); i++) {
            AbstractChange<?, ?> m = members.get(i);
            Violations own = Violations.of(m.description());
            m.validate(own);
            String where = " (in changes[" + i + "]: " + m.description() + ")";
            own.list().forEach(v -> violations.add(v.field(), v.message() + where));
        }
    }

    @Override
    protected Planned<List<MemberPlan<?, ?>>> planSteps() {
        List<MemberPlan<?, ?>> parts = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (AbstractChange<?, ?> m : members) {
            MemberPlan<?, ?> part = planOf(m);
            parts.add(part);
            steps.addAll(part.planned().steps());
            part.planned().notes().forEach(n -> notes.add(m.description() + ": " + n));
            if (m.continuesAfterSteps()) {
                notes.add(m.description() + ": more steps are planned at apply, from what its first steps yield");
            }
        }
        return new Planned<>(steps, notes, parts);
    }

    private static <T, C> MemberPlan<T, C> planOf(AbstractChange<T, C> m) {
        return new MemberPlan<>(m, m.planSteps());
    }

    @Override
    protected Targets targets() {
        Targets all = Targets.none();
        for (AbstractChange<?, ?> m : members) {
            all = all.withAll(m.targets());
        }
        return all;
    }

    @Override
    protected Map<String, Set<Privilege>> requiredPrivileges(Plan plan) {
        Map<String, Set<Privilege>> needed = new LinkedHashMap<>(super.requiredPrivileges(plan));
        for (AbstractChange<?, ?> m : members) {
            m.requiredPrivileges(plan).forEach((host, p) -> needed.computeIfAbsent(host, k -> new LinkedHashSet<>()).addAll(p));
        }
        return needed;
    }

    @Override
    void beforeApply(Plan plan) {
        members.forEach(m -> m.beforeApply(plan));
    }

    @Override
    boolean continuesAfterSteps() {
        return members.stream().anyMatch(AbstractChange::continuesAfterSteps);
    }

    @Override
    List<Object> execute(List<MemberPlan<?, ?>> parts, int steps, StepRunner runner) {
        List<Object> values = new ArrayList<>();
        int from = 0;
        for (MemberPlan<?, ?> part : parts) {
            int count = part.planned().steps().size();
            runner.run(from, from + count);
            from += count;
            values.add(part.finish(runner));
        }
        return values;
    }

    @Override
    protected List<Object> result(List<MemberPlan<?, ?>> parts) {
        List<Object> values = new ArrayList<>();
        parts.forEach(p -> values.add(resultOf(p)));
        return values;
    }

    private static <T, C> T resultOf(MemberPlan<T, C> part) {
        return part.change().result(part.planned().context());
    }
}
