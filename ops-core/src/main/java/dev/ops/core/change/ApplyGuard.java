package dev.ops.core.change;

import java.util.List;
import java.util.Objects;

/**
 * A condition a change must meet when it applies, not when it is planned: a maintenance window, a
 * freeze, a ticket that must be open. {@link #guard} wraps a change so that its plan carries the
 * guard's remarks and its apply is refused before anything runs (before the journal record is
 * begun) while the condition does not hold. A guarded change made by ops stays one: it composes in
 * {@link Changes#sequence} and {@link Changes#then}, where the guard is asked when the composite
 * applies.
 *
 * <pre>{@code
 * Change<SysctlValue> guarded = ApplyGuard.guard(Sysctl.on(host, ops).key("vm.swappiness").set("10"), window.guard(clock));
 * }</pre>
 */
public interface ApplyGuard {

    /** What the guard demands, in words, e.g. {@code only inside maintenance window '0 2 * * SAT' UTC for PT4H}. */
    String describe();

    /** Remarks for a plan made now, e.g. whether the condition holds and until when. */
    default List<String> notes() {
        return List.of();
    }

    /**
     * Throws a typed {@link dev.ops.core.error.OpsException} when the change described as
     * {@code change} must not apply now; returns when it may.
     */
    void check(String change);

    /** {@code change}, planned with the guard's remarks and applied only while {@code guard} allows it. */
    static <T> Change<T> guard(Change<T> change, ApplyGuard guard) {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(guard, "guard");
        if (change instanceof AbstractChange<T, ?> made) {
            return GuardedChange.of(made, guard);
        }
        return new GuardedChange.Plain<>(change, guard);
    }
}
