package dev.ops.core.change;

import dev.ops.core.Ops;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import dev.ops.core.error.Violations;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Composes changes into one: one plan, one journal record, one rollback (newest step first), one
 * recovery after a crash.
 *
 * <pre>{@code
 * Change<List<Object>> all = Changes.sequence(users.present(), sudoers.present(), motd.present());
 * Change<Guest> started = Changes.then(clone, guest -> client.guests(ops).start(guest));
 * }</pre>
 */
public final class Changes {
    private Changes() {}

    /**
     * The changes in order, as one: validated together (every violation, named with the change it
     * belongs to), planned as one plan, applied under one journal record, rolled back together.
     * Yields each change's result, in order.
     */
    public static Change<List<Object>> sequence(Change<?>... changes) {
        return sequence(List.of(changes));
    }

    /** {@link #sequence(Change[])} for a list. */
    public static Change<List<Object>> sequence(List<? extends Change<?>> changes) {
        Violations v = Violations.of("sequence of changes");
        v.check(!changes.isEmpty(), "changes", "must name at least one change");
        for (int i = 0; i < changes.size(); i++) {
            Change<?> c = changes.get(i);
            v.check(c instanceof AbstractChange<?, ?>, "changes[" + i + "]",
                    "must be a change made by ops (an AbstractChange), was " + (c == null ? "null" : c.getClass().getName()));
        }
        v.throwIfAny();
        List<AbstractChange<?, ?>> members = changes.stream().<AbstractChange<?, ?>>map(c -> (AbstractChange<?, ?>) c).toList();
        Ops ops = members.get(0).ops;
        return new SequenceChange(ops, members);
    }

    /**
     * {@code first}, then the change {@code next} makes from what {@code first} yields: a value
     * known only at apply (the guest a clone created, the address an allocation took). The plan
     * shows {@code first}'s steps and says that the rest is planned at apply; both parts run under
     * one journal record and roll back together.
     */
    public static <A, B> Change<B> then(Change<A> first, Function<? super A, ? extends Change<B>> next) {
        Objects.requireNonNull(next, "next");
        return new ThenChange<>(member(first, "first"), next);
    }

    static <A> AbstractChange<A, ?> member(Change<A> change, String field) {
        if (change instanceof AbstractChange<A, ?> c) {
            return c;
        }
        throw new ValidationException("composite change", List.of(new Violation(field,
                "must be a change made by ops (an AbstractChange), was " + (change == null ? "null" : change.getClass().getName()))));
    }
}
