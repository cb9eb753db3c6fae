package dev.ops.core.change;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ops.core.secret.Redactor;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a {@link Plan}: what it does in words, the concrete {@link Action}, and the action
 * that undoes it (absent for a step that cannot be undone, which the plan then says).
 */
public final class Step {
    private final String description;
    private final Action action;
    private final Action undo;
    private final boolean undoOnFailure;

    @JsonCreator
    private Step(@JsonProperty("description") String description, @JsonProperty("action") Action action,
            @JsonProperty("undo") Action undo, @JsonProperty("undoOnFailure") boolean undoOnFailure) {
        this.description = Objects.requireNonNull(description, "description");
        this.action = Objects.requireNonNull(action, "action");
        this.undo = undo;
        this.undoOnFailure = undoOnFailure;
    }

    /** A step with its undo. */
    public static Step of(String description, Action action, Action undo) {
        return new Step(description, action, Objects.requireNonNull(undo, "undo"), false);
    }

    /** A step that cannot be undone (rollback skips it and says so). */
    public static Step irreversible(String description, Action action) {
        return new Step(description, action, null, false);
    }

    /**
     * This step, with its undo also run (tolerating "nothing to undo") when the step itself fails:
     * for steps whose failure can leave something half-made, such as a clone task that failed after
     * creating the guest. Not for steps whose failure means the target belonged to someone else.
     */
    public Step undoneAlsoOnFailure() {
        return new Step(description, action, undo, true);
    }

    /** Whether rollback also undoes this step after it failed. */
    @JsonProperty
    public boolean undoOnFailure() {
        return undoOnFailure;
    }

    @JsonProperty
    public String description() {
        return description;
    }

    @JsonProperty
    public Action action() {
        return action;
    }

    /** The action that reverts this step, if it can be reverted. */
    @JsonProperty
    public Optional<Action> undo() {
        return Optional.ofNullable(undo);
    }

    /** The host or endpoint this step runs against. */
    public String target() {
        return action.target();
    }

    @Override
    public String toString() {
        return Redactor.global().redact(description + " [" + action.target() + "] " + action.render());
    }
}
