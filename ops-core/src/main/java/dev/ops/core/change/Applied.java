package dev.ops.core.change;

import java.util.Optional;

/**
 * The result of applying a {@link Change}: the resulting value, the plan that ran, and the
 * handle to revert it. The handle survives the process: {@code Ops.rollback(id, targets)} loads
 * it again from the state store by {@link #id()}.
 *
 * @param <T> the type of the resulting value
 */
public final class Applied<T> {
    private final T value;
    private final Plan plan;
    private final Rollback rollback;

    public Applied(T value, Plan plan, Rollback rollback) {
        this.value = value;
        this.plan = plan;
        this.rollback = rollback;
    }

    /** The resulting value, as read back after the apply (or the desired value, where reading back costs too much). */
    public T value() {
        return value;
    }

    /** The plan that was applied. */
    public Plan plan() {
        return plan;
    }

    /** Whether anything was changed (false when the target was already in the desired state). */
    public boolean changed() {
        return !plan.isEmpty();
    }

    /** The journal id of this apply, absent when nothing was changed. */
    public Optional<String> id() {
        return rollback.id();
    }

    /** The rollback handle. */
    public Rollback rollbackHandle() {
        return rollback;
    }

    /** Reverts what this apply changed, newest step first. A second call does nothing. */
    public RollbackReport rollback() {
        return rollback.run();
    }

    @Override
    public String toString() {
        return "Applied[" + plan.change() + ", " + plan.steps().size() + " step(s)" + id().map(i -> ", id " + i).orElse("") + "]";
    }
}
