package dev.ops.usr.pve.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.Plan;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.error.Violations;
import dev.ops.pve.PveClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A Proxmox access change: validation, then steps and notes computed together from the current
 * state (a note may depend on what was read, e.g. which tokens a deleted user loses).
 *
 * @param <T> what applying yields
 */
public final class AccessChange<T> extends AbstractChange<T, Void> {
    /** Steps with the notes that go with them. */
    public record Planned(List<Step> steps, List<String> notes) {
        public Planned {
            steps = List.copyOf(steps);
            notes = List.copyOf(notes);
        }

        /** Nothing to do. */
        public static Planned none() {
            return new Planned(List.of(), List.of());
        }
    }

    private final PveClient client;
    private final String description;
    private final Consumer<Violations> validation;
    private final Supplier<Planned> planner;
    private final Supplier<T> result;

    public AccessChange(Ops ops, PveClient client, String description, Consumer<Violations> validation, Supplier<Planned> planner,
            Supplier<T> result) {
        super(ops);
        this.client = client;
        this.description = description;
        this.validation = validation;
        this.planner = planner;
        this.result = result;
    }

    @Override
    public String description() {
        return description + " on " + client.name();
    }

    @Override
    protected void validate(Violations violations) {
        validation.accept(violations);
    }

    @Override
    protected dev.ops.core.change.Planned<Void> planSteps() {
        Planned p = planner.get();
        return dev.ops.core.change.Planned.of(p.steps()).withNotes(p.steps().isEmpty() ? List.of() : p.notes());
    }

    @Override
    protected Targets targets() {
        return client.targets();
    }

    @Override
    protected T result(Void none) {
        return result.get();
    }
}
