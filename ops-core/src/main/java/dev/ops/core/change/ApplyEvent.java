package dev.ops.core.change;

import java.util.Objects;

/**
 * The apply an {@link ApplyListener} hears about: its journal id, the kind of change (the change class's simple
 * name, such as {@code UserChange}: few distinct values, fit for a metric tag) and the plan being applied.
 */
public record ApplyEvent(String id, String changeType, Plan plan) {

    public ApplyEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(changeType, "changeType");
        Objects.requireNonNull(plan, "plan");
    }

    /** How an apply ended. */
    public enum Outcome {
        /** Every step ran. */
        APPLIED,
        /** A step failed and the steps before it were undone. */
        ROLLED_BACK,
        /** Undoing the steps before a failed one failed too, or the apply failed where nothing was rolled back. */
        FAILED
    }
}
