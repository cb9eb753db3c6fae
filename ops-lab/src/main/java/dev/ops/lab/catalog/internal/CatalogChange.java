package dev.ops.lab.catalog.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.Action;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.store.StateStore;
import java.util.List;
import java.util.function.Function;

/** One journaled catalog step (its undo beside it), yielding what it reads back from the store. */
public final class CatalogChange<T> extends AbstractChange<T, Void> {
    private final Targets targets;
    private final String description;
    private final Action action;
    private final Action undo;
    private final Function<StateStore, T> result;

    public CatalogChange(Ops ops, Targets targets, String description, Action action, Action undo, Function<StateStore, T> result) {
        super(ops);
        this.targets = targets.withStore(ops.store());
        this.description = description;
        this.action = action;
        this.undo = undo;
        this.result = result;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    protected Planned<Void> planSteps() {
        return Planned.of(List.of(Step.of(description, action, undo)), null);
    }

    @Override
    protected Targets targets() {
        return targets;
    }

    @Override
    protected T result(Void none) {
        return result.apply(ops.store());
    }
}
