package dev.ops.srv.health;

import dev.ops.core.error.Violations;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs health checks on a schedule until closed, and tells listeners of every result. A probe
 * never overlaps the next one of the same check (its timeout is at most its period). A listener
 * that throws is logged and does not stop the monitor.
 *
 * <pre>{@code
 * try (HealthMonitor monitor = HealthMonitor.builder().check(web).listener(e -> { if (e.changed()) alert(e); }).build().start()) {
 *     ...
 * }
 * }</pre>
 */
public final class HealthMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    private final Map<String, HealthCheck> checks;
    private final List<HealthListener> listeners;
    private final Clock clock;
    private final Map<String, HealthTracker> trackers = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;

    private HealthMonitor(Builder b) {
        this.checks = Map.copyOf(b.checks);
        this.listeners = new CopyOnWriteArrayList<>(b.listeners);
        this.clock = b.clock;
        b.checks.forEach((name, c) -> trackers.put(name, new HealthTracker(c)));
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts probing every check after its initial delay; returns this monitor. Starting twice is refused. */
    public synchronized HealthMonitor start() {
        if (scheduler != null) {
            throw new IllegalStateException("health monitor already started");
        }
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(Math.max(1, Math.min(4, checks.size())), r -> {
            Thread t = new Thread(r, "ops-health-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        s.setRemoveOnCancelPolicy(true);
        checks.values().forEach(c -> s.scheduleAtFixedRate(() -> runOnce(c), c.initialDelay().toMillis(), c.period().toMillis(),
                TimeUnit.MILLISECONDS));
        scheduler = s;
        return this;
    }

    /** The status of the check named {@code name} so far. */
    public HealthStatus status(String name) {
        HealthTracker t = trackers.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no health check named '" + name + "'");
        }
        return t.status();
    }

    /** Adds a listener to a running or not yet started monitor. */
    public void addListener(HealthListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void runOnce(HealthCheck c) {
        ProbeResult r = c.probe().probe(c.timeout());
        HealthEvent e;
        HealthTracker t = trackers.get(c.name());
        synchronized (t) {
            e = t.record(r, clock.instant());
        }
        LOG.debug("health {} {} -> {}: {}", c.name(), e.previous(), e.status(), r.detail());
        for (HealthListener l : listeners) {
            try {
                l.onEvent(e);
            } catch (RuntimeException ex) {
                LOG.warn("health listener failed on {}: {}", c.name(), ex.toString());
            }
        }
    }

    /** Stops probing and waits up to {@code timeout} for a running probe to finish; probes still running then are interrupted. */
    public synchronized void stop(Duration timeout) {
        ScheduledExecutorService s = scheduler;
        if (s == null) {
            return;
        }
        s.shutdown();
        try {
            if (!s.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                s.shutdownNow();
            }
        } catch (InterruptedException e) {
            s.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Stops, waiting for a running probe up to its check's longest timeout. */
    @Override
    public void close() {
        stop(checks.values().stream().map(HealthCheck::timeout).max(Duration::compareTo).orElse(Duration.ZERO).plusMillis(100));
    }

    /** Collects the checks and listeners of a {@link HealthMonitor}. */
    public static final class Builder {
        private final Map<String, HealthCheck> checks = new LinkedHashMap<>();
        private final List<HealthListener> listeners = new ArrayList<>();
        private final List<String> duplicates = new ArrayList<>();
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Adds a check; names must be unique. */
        public Builder check(HealthCheck check) {
            if (checks.putIfAbsent(check.name(), check) != null) {
                duplicates.add(check.name());
            }
            return this;
        }

        /** Adds the check the builder fills. */
        public Builder check(java.util.function.Consumer<HealthCheck.Builder> fill) {
            HealthCheck.Builder b = HealthCheck.builder();
            fill.accept(b);
            return check(b.build());
        }

        /** Adds a listener. */
        public Builder listener(HealthListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The clock events are stamped with. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The monitor, not yet started. */
        public HealthMonitor build() {
            Violations v = Violations.of("health monitor");
            v.check(!checks.isEmpty(), "checks", "a monitor needs at least one check");
            duplicates.forEach(d -> v.add("checks", "two checks are named '" + d + "'"));
            v.throwIfAny();
            return new HealthMonitor(this);
        }
    }
}
