package dev.ops.sys.metrics;

import java.time.Instant;

/** A change of an alert's state, reported by {@link Alerts#evaluate}. */
public sealed interface AlertEvent {

    /** The rule. */
    AlertRule rule();

    /** The concrete metric (a rule with {@code *} fires per matching metric). */
    String metric();

    /** When the evaluation that reported it ran. */
    Instant at();

    /**
     * The condition has held for the rule's duration.
     *
     * @param rule the rule
     * @param metric the metric
     * @param at when it fired
     * @param since when the condition began to hold
     * @param value the metric's value now
     */
    record Firing(AlertRule rule, String metric, Instant at, Instant since, double value) implements AlertEvent {}

    /**
     * A firing alert's condition stopped holding (or its metric disappeared).
     *
     * @param rule the rule
     * @param metric the metric
     * @param at when it resolved
     * @param firedAt when it had fired
     * @param value the metric's value now, NaN when the metric is gone
     */
    record Resolved(AlertRule rule, String metric, Instant at, Instant firedAt, double value) implements AlertEvent {}
}
