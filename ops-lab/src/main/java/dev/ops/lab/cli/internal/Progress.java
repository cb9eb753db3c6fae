package dev.ops.lab.cli.internal;

import dev.ops.core.change.ApplyEvent;
import dev.ops.core.change.ApplyListener;
import dev.ops.core.change.Step;
import java.io.PrintWriter;
import java.time.Duration;

/** Each step of an apply or rollback as it ends, on the error stream (the results go to the output stream). */
final class Progress implements ApplyListener {
    private final PrintWriter err;

    Progress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void stepFinished(ApplyEvent apply, int index, Step step, Duration took) {
        err.printf("  done %s (%d ms)%n", step.description(), took.toMillis());
        err.flush();
    }

    @Override
    public void stepFailed(ApplyEvent apply, int index, Step step, RuntimeException failure, Duration took) {
        err.printf("  FAILED %s: %s%n", step.description(), failure.getMessage());
        err.flush();
    }
}
