package dev.ops.core.change;

import dev.ops.core.audit.AuditRecord;
import java.time.Duration;

/**
 * Hears about every apply made in an {@link dev.ops.core.Ops} ({@code Ops.builder().listener(...)}), in this order:
 * {@link #planned} once the plan is approved and journaled, then for each step {@link #stepStarted} and either
 * {@link #stepFinished} or {@link #stepFailed}, then {@link #finished}. Rollbacks (after a failed step, by
 * {@link Applied#rollback()}, by a reloaded {@link Rollback} or by crash recovery) report each undone step to
 * {@link #stepUndone}. A change that plans no steps is not applied, and nothing is reported.
 *
 * <p>Calls come on the applying thread, inside the apply (the MDC holds {@code ops.operation}); keep them quick.
 * A listener that throws is logged at WARN and does not change the apply. ops-micrometer's {@code OpsMetrics}
 * is one.
 */
public interface ApplyListener {

    /** {@code apply}'s plan was approved and journaled; its steps run next. */
    default void planned(ApplyEvent apply) {}

    /** Step {@code index} (from 0) of {@code apply} is about to run. */
    default void stepStarted(ApplyEvent apply, int index, Step step) {}

    /** Step {@code index} ran and succeeded, in {@code took}. */
    default void stepFinished(ApplyEvent apply, int index, Step step, Duration took) {}

    /** Step {@code index} failed after {@code took}; the steps before it are rolled back next. */
    default void stepFailed(ApplyEvent apply, int index, Step step, RuntimeException failure, Duration took) {}

    /** The apply ended: applied, or rolled back after a failure (or failed to roll back), after {@code took}. */
    default void finished(ApplyEvent apply, ApplyEvent.Outcome outcome, Duration took) {}

    /** A rollback undid a step (outcome {@code UNDONE}) or failed to ({@code UNDO_FAILED}): its audit record. */
    default void stepUndone(AuditRecord record) {}
}
