package dev.ops.srv.health;

import dev.ops.core.Ops;
import dev.ops.core.audit.AuditRecord;
import dev.ops.core.error.Violations;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heals failing checks as a {@link HealthListener} of a {@link HealthMonitor}: when a check turns
 * unhealthy (and again while it stays so, once per {@code retryAfter}) it runs the check's
 * {@link HealAction}, unless that would be more than {@code maxHeals} within {@code window}: then
 * the check has flapped, and the healer escalates instead, once: the escalation callback is called
 * and the check is marked as needing a person in the state store, where every healer sharing the
 * store sees it and leaves the check alone until {@link #resolve} clears it. Every heal and
 * escalation is an audit record.
 *
 * <pre>{@code
 * Healer healer = Healer.builder(ops).action("web", HealAction.restartUnit(host, ops, "web.service"))
 *         .maxHeals(3).window(Duration.ofMinutes(10)).onEscalation(e -> pager.page(e.reason())).build();
 * HealthMonitor.builder().check(web).listener(healer).build().start();
 * }</pre>
 */
public final class Healer implements HealthListener {
    private static final Logger LOG = LoggerFactory.getLogger(Healer.class);
    /** Where escalations are kept in the state store: {@code srv/healing/<check>/escalation}. */
    public static final String STORE_PREFIX = "srv/healing/";

    private final Ops ops;
    private final Map<String, HealAction> actions;
    private final int maxHeals;
    private final Duration window;
    private final Duration retryAfter;
    private final Consumer<Escalation> onEscalation;
    private final Map<String, Deque<Instant>> heals = new ConcurrentHashMap<>();

    private Healer(Builder b) {
        this.ops = b.ops;
        this.actions = Map.copyOf(b.actions);
        this.maxHeals = b.maxHeals;
        this.window = b.window;
        this.retryAfter = b.retryAfter;
        this.onEscalation = b.onEscalation;
    }

    /** A builder for a healer that audits and keeps escalations through {@code ops}. */
    public static Builder builder(Ops ops) {
        return new Builder(ops);
    }

    @Override
    public void onEvent(HealthEvent event) {
        HealAction action = actions.get(event.check());
        if (action == null || event.status() != HealthStatus.UNHEALTHY) {
            return;
        }
        synchronized (this) {
            if (escalation(event.check()).isPresent()) {
                return;
            }
            Deque<Instant> times = heals.computeIfAbsent(event.check(), k -> new ArrayDeque<>());
            Instant now = event.at();
            if (!event.changed() && !times.isEmpty() && Duration.between(times.peekLast(), now).compareTo(retryAfter) < 0) {
                return;
            }
            while (!times.isEmpty() && Duration.between(times.peekFirst(), now).compareTo(window) > 0) {
                times.removeFirst();
            }
            if (times.size() >= maxHeals) {
                escalate(event, new Escalation(event.check(), now, event.check() + " was healed " + times.size() + " times within "
                        + window + " and is unhealthy again (" + event.result().detail() + ")"));
                return;
            }
            times.addLast(now);
        }
        try {
            action.heal(event);
            audit(event.check(), action.describe(), AuditRecord.Outcome.APPLIED, event.result().detail());
        } catch (RuntimeException e) {
            audit(event.check(), action.describe(), AuditRecord.Outcome.FAILED, e.toString());
            LOG.warn("healing {} with '{}' failed: {}", event.check(), action.describe(), e.toString());
        }
    }

    private void escalate(HealthEvent event, Escalation e) {
        String text = e.at() + "\n" + e.reason();
        ops.store().put(key(e.check()), text.getBytes(StandardCharsets.UTF_8));
        audit(event.check(), "escalate: needs a person", AuditRecord.Outcome.APPLIED, e.reason());
        LOG.warn("health check {} needs a person: {}", e.check(), e.reason());
        try {
            onEscalation.accept(e);
        } catch (RuntimeException ex) {
            LOG.warn("escalation callback for {} failed: {}", e.check(), ex.toString());
        }
    }

    /** The escalation kept for {@code check}, by this healer or another sharing the store; empty when none. */
    public Optional<Escalation> escalation(String check) {
        return ops.store().get(key(check)).map(v -> {
            String[] parts = new String(v.value(), StandardCharsets.UTF_8).split("\n", 2);
            return new Escalation(check, Instant.parse(parts[0]), parts.length > 1 ? parts[1] : "");
        });
    }

    /** A person dealt with {@code check}: clears its escalation and its heal count, so healing resumes. */
    public synchronized void resolve(String check) {
        ops.store().delete(key(check));
        heals.remove(check);
        audit(check, "resolve escalation", AuditRecord.Outcome.APPLIED, "by " + ops.actor());
    }

    private static String key(String check) {
        return STORE_PREFIX + check.replaceAll("[^A-Za-z0-9_.-]", "_") + "/escalation";
    }

    private void audit(String check, String action, AuditRecord.Outcome outcome, String detail) {
        ops.audit().record(new AuditRecord(ops.clock().instant(), ops.actor(), "health:" + check, "", "heal " + check, action, action,
                outcome, detail));
    }

    /** Collects a {@link Healer}'s actions and limits. */
    public static final class Builder {
        private final Ops ops;
        private final Map<String, HealAction> actions = new LinkedHashMap<>();
        private int maxHeals = 3;
        private Duration window = Duration.ofMinutes(10);
        private Duration retryAfter = Duration.ofMinutes(1);
        private Consumer<Escalation> onEscalation = e -> {};

        private Builder(Ops ops) {
            this.ops = Objects.requireNonNull(ops, "ops");
        }

        /** Heals the check named {@code check} with {@code action}. */
        public Builder action(String check, HealAction action) {
            actions.put(Objects.requireNonNull(check, "check"), Objects.requireNonNull(action, "action"));
            return this;
        }

        /** How many heals within {@link #window} are allowed before escalating; default 3. */
        public Builder maxHeals(int maxHeals) {
            this.maxHeals = maxHeals;
            return this;
        }

        /** The sliding window heals are counted in; default 10 minutes. */
        public Builder window(Duration window) {
            this.window = Objects.requireNonNull(window, "window");
            return this;
        }

        /** How long after a heal a check that stayed unhealthy is healed again; default 1 minute. */
        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
            return this;
        }

        /** Called once when a check is escalated; must not block. */
        public Builder onEscalation(Consumer<Escalation> onEscalation) {
            this.onEscalation = Objects.requireNonNull(onEscalation, "onEscalation");
            return this;
        }

        /** The healer. */
        public Healer build() {
            Violations v = Violations.of("healer");
            v.check(!actions.isEmpty(), "actions", "a healer needs at least one action");
            v.check(maxHeals >= 1, "maxHeals", "must be at least 1");
            v.check(!window.isNegative() && !window.isZero(), "window", "must be positive");
            v.check(!retryAfter.isNegative(), "retryAfter", "must not be negative");
            v.throwIfAny();
            return new Healer(this);
        }
    }
}
