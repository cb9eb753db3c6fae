package dev.ops.sys.metrics;

import dev.ops.core.error.Violations;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * An alert condition: a metric (a name from {@link Rates#metrics()}, where {@code *} matches one
 * name segment, e.g. {@code disk.*.utilization.percent}), a threshold, and how long the condition
 * must hold before the alert fires.
 *
 * <pre>{@code
 * AlertRule hot = AlertRule.named("cpu-hot").when("cpu.busy.percent").above(90).forAtLeast(Duration.ofMinutes(5));
 * }</pre>
 *
 * @param name the rule's name
 * @param metric the metric name or pattern
 * @param above true to fire above the threshold, false to fire below it
 * @param threshold the threshold (strictly above or below)
 * @param forAtLeast how long the condition must hold; zero fires at once
 */
public record AlertRule(String name, String metric, boolean above, double threshold, Duration forAtLeast) {

    public AlertRule {
        Violations v = Violations.of("alert rule");
        v.checkText(name, "name", s -> true, "");
        v.checkText(metric, "metric", s -> s.matches("[A-Za-z0-9_*:.-]+"), "must be a metric name, with * for one segment");
        v.check(!Double.isNaN(threshold), "threshold", "must be a number");
        v.check(forAtLeast != null && !forAtLeast.isNegative(), "forAtLeast", "must be zero or positive");
        v.throwIfAny();
    }

    /** Starts a rule. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** Whether {@code metricName} is one this rule watches. */
    public boolean watches(String metricName) {
        if (!metric.contains("*")) {
            return metric.equals(metricName);
        }
        String regex = Pattern.quote(metric).replace("*", "\\E[^.]+\\Q");
        return metricName.matches(regex);
    }

    /** Whether {@code value} breaches the threshold. */
    public boolean breachedBy(double value) {
        return above ? value > threshold : value < threshold;
    }

    @Override
    public String toString() {
        return name + ": " + metric + (above ? " > " : " < ") + threshold + " for " + forAtLeast;
    }

    /** Builds an {@link AlertRule} step by step. */
    public static final class Builder {
        private final String name;
        private String metric;
        private boolean above = true;
        private double threshold = Double.NaN;

        private Builder(String name) {
            this.name = name;
        }

        /** The metric to watch. */
        public Builder when(String metric) {
            this.metric = metric;
            return this;
        }

        /** Fire when the metric is above {@code threshold}. */
        public Builder above(double threshold) {
            this.above = true;
            this.threshold = threshold;
            return this;
        }

        /** Fire when the metric is below {@code threshold}. */
        public Builder below(double threshold) {
            this.above = false;
            this.threshold = threshold;
            return this;
        }

        /** The rule, firing once the condition has held for {@code duration}. */
        public AlertRule forAtLeast(Duration duration) {
            return new AlertRule(name, metric, above, threshold, duration);
        }

        /** The rule, firing as soon as the condition holds. */
        public AlertRule immediately() {
            return forAtLeast(Duration.ZERO);
        }
    }
}
