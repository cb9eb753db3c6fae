package dev.ops.pve.change;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.error.Violations;
import dev.ops.pve.PveClient;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A change against a Proxmox cluster, assembled by {@link dev.ops.pve.PveChanges}: validation, steps
 * computed from the current state (none when already there), and the result read back from the
 * guest's own endpoint after apply.
 *
 * @param <T> what applying yields
 */
public final class PveChange<T> extends AbstractChange<T, Void> {
    private final PveClient client;
    private final String description;
    private final Consumer<Violations> validation;
    private final Supplier<List<Step>> steps;
    private final Supplier<T> result;
    private final List<String> extraNotes;

    public PveChange(Ops ops, PveClient client, String description, Consumer<Violations> validation, Supplier<List<Step>> steps,
            Supplier<T> result, List<String> notes) {
        super(ops);
        this.client = client;
        this.description = description;
        this.validation = validation;
        this.steps = steps;
        this.result = result;
        this.extraNotes = List.copyOf(notes);
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
    protected Planned<Void> planSteps() {
        List<Step> planned = steps.get();
        return Planned.of(planned).withNotes(planned.isEmpty() ? List.of() : extraNotes);
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
