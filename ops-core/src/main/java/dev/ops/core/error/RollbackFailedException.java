package dev.ops.core.error;

import java.util.List;

/**
 * Rolling back did not fully succeed; lists the undo steps that failed so that an operator can
 * finish by hand. The steps that did succeed are not repeated by a second rollback.
 */
public class RollbackFailedException extends OpsException {
    private final List<String> failedSteps;

    public RollbackFailedException(String applyId, List<String> failedSteps, Throwable firstCause) {
        super("rollback of " + applyId + " left " + failedSteps.size() + " step(s) not undone: "
                + String.join("; ", failedSteps), firstCause, false);
        this.failedSteps = List.copyOf(failedSteps);
    }

    public List<String> failedSteps() {
        return failedSteps;
    }
}
