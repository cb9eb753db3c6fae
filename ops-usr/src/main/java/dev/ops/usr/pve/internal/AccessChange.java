package dev.ops.usr.pve.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.error.Violations;
import dev.ops.pve.PveClient;
import dev.ops.pve.change.internal.PveChange;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A Proxmox access change: ops-pve's shared {@link dev.ops.pve.change.internal.PveChange} with its validation, plan (steps and
 * notes computed together from the current state, since a note may depend on what was read, e.g.
 * which tokens a deleted user loses) and result given by {@link AccessPlanner}.
 *
 * @param <T> what applying yields
 */
final class AccessChange<T> extends PveChange<T, Void> {
    private final String what;
    private final Consumer<Violations> validation;
    private final Supplier<Planned<Void>> planner;
    private final Supplier<T> result;

    AccessChange(Ops ops, PveClient client, String what, Consumer<Violations> validation, Supplier<Planned<Void>> planner, Supplier<T> result) {
        super(ops, client);
        this.what = what;
        this.validation = validation;
        this.planner = planner;
        this.result = result;
    }

    @Override
    protected String what() {
        return what;
    }

    @Override
    protected void validate(Violations violations) {
        validation.accept(violations);
    }

    @Override
    protected Planned<Void> planSteps() {
        Planned<Void> planned = planner.get();
        return planned.steps().isEmpty() ? Planned.none(null) : planned;
    }

    @Override
    protected T result(Void none) {
        return result.get();
    }
}
