package dev.ops.core.error;

import java.util.List;

/**
 * {@code apply(plan)} was given a plan that no longer matches what applying would do now: the
 * target changed since the plan was reviewed. Nothing was applied; plan again, review, apply.
 */
public class StalePlanException extends ConflictException {
    private final List<String> differences;

    public StalePlanException(String change, List<String> differences) {
        super(change, "the reviewed plan is stale, nothing was applied: " + String.join("; ", differences), false);
        this.differences = List.copyOf(differences);
    }

    /** How the plan made now differs from the reviewed one, one line each. */
    public List<String> differences() {
        return differences;
    }
}
