package dev.ops.srv.rollout.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import java.util.List;

/** A stage of a rollout whose steps were decided from the rollout's snapshot: runtime commands, or a gate. */
final class StepsChange extends AbstractChange<Void, Void> {
    private final String description;
    private final List<Step> steps;
    private final Targets targets;

    StepsChange(Ops ops, String description, List<Step> steps, Targets targets) {
        super(ops);
        this.description = description;
        this.steps = List.copyOf(steps);
        this.targets = targets;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    protected Planned<Void> planSteps() {
        return Planned.of(steps);
    }

    @Override
    protected Targets targets() {
        return targets;
    }

    @Override
    protected Void result(Void context) {
        return null;
    }
}
