package dev.ops.core.change;

import java.util.ArrayList;
import java.util.List;

/**
 * What planning a change computed, in one value: the steps, remarks for the operator, and a
 * context that {@code result(...)} receives after apply (what was read, what was decided), so that
 * no plan-time state has to be kept in fields of the change.
 *
 * @param <C> the context handed to {@code result}; {@link Void} when there is none
 */
public record Planned<C>(List<Step> steps, List<String> notes, C context) {

    public Planned {
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    /** Steps without remarks or context. */
    public static Planned<Void> of(List<Step> steps) {
        return new Planned<>(steps, List.of(), null);
    }

    /** Steps with the context that {@code result} receives. */
    public static <C> Planned<C> of(List<Step> steps, C context) {
        return new Planned<>(steps, List.of(), context);
    }

    /** Nothing to do: the target is already in the desired state. */
    public static <C> Planned<C> none(C context) {
        return new Planned<>(List.of(), List.of(), context);
    }

    /** These steps with {@code note} added to the remarks. */
    public Planned<C> withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new Planned<>(steps, more, context);
    }

    /** These steps with {@code more} added to the remarks. */
    public Planned<C> withNotes(List<String> more) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(more);
        return new Planned<>(steps, all, context);
    }
}
