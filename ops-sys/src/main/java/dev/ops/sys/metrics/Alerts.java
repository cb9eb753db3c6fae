package dev.ops.sys.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates {@link AlertRule}s against successive metric values and reports when alerts fire and
 * resolve. Time is what the caller passes, so tests need no sleeping. Keeps state per (rule,
 * metric); not thread-safe.
 *
 * <pre>{@code
 * Alerts alerts = Alerts.of(List.of(hot));
 * List<AlertEvent> events = alerts.evaluate(clock.instant(), rates.metrics());
 * }</pre>
 */
public final class Alerts {
    private final List<AlertRule> rules;
    private final Map<String, Instant> pendingSince = new LinkedHashMap<>();
    private final Map<String, Instant> firedAt = new LinkedHashMap<>();

    private Alerts(List<AlertRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** An evaluator of these rules, with no alert pending or firing. */
    public static Alerts of(List<AlertRule> rules) {
        return new Alerts(rules);
    }

    /**
     * Evaluates every rule against {@code metrics} at {@code now}: a condition that starts holding
     * becomes pending, a pending one that has held for the rule's duration fires, and a firing one
     * whose condition no longer holds (or whose metric is gone) resolves. A pending condition that
     * stops holding before its duration is forgotten without an event.
     */
    public List<AlertEvent> evaluate(Instant now, Map<String, Double> metrics) {
        List<AlertEvent> events = new ArrayList<>();
        for (AlertRule rule : rules) {
            Set<String> seen = new TreeSet<>();
            for (Map.Entry<String, Double> e : metrics.entrySet()) {
                if (!rule.watches(e.getKey()) || e.getValue() == null || e.getValue().isNaN()) {
                    continue;
                }
                String key = key(rule, e.getKey());
                seen.add(key);
                double value = e.getValue();
                if (rule.breachedBy(value)) {
                    Instant since = pendingSince.computeIfAbsent(key, k -> now);
                    if (!firedAt.containsKey(key) && !now.isBefore(since.plus(rule.forAtLeast()))) {
                        firedAt.put(key, now);
                        events.add(new AlertEvent.Firing(rule, e.getKey(), now, since, value));
                    }
                } else {
                    pendingSince.remove(key);
                    Instant fired = firedAt.remove(key);
                    if (fired != null) {
                        events.add(new AlertEvent.Resolved(rule, e.getKey(), now, fired, value));
                    }
                }
            }
            for (String key : new ArrayList<>(firedAt.keySet())) {
                if (key.startsWith(rule.name() + "\u0000") && !seen.contains(key)) {
                    Instant fired = firedAt.remove(key);
                    pendingSince.remove(key);
                    events.add(new AlertEvent.Resolved(rule, key.substring(rule.name().length() + 1), now, fired, Double.NaN));
                }
            }
            pendingSince.keySet().removeIf(k -> k.startsWith(rule.name() + "\u0000") && !seen.contains(k));
        }
        return events;
    }

    /** The alerts firing now, as {@code rule name -> metrics}. */
    public Map<String, List<String>> firing() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String key : firedAt.keySet()) {
            int sep = key.indexOf('\u0000');
            out.computeIfAbsent(key.substring(0, sep), k -> new ArrayList<>()).add(key.substring(sep + 1));
        }
        return out;
    }

    private static String key(AlertRule rule, String metric) {
        return rule.name() + "\u0000" + metric;
    }
}
