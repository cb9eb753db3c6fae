package dev.ops.srv.discovery;

import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.change.Plan;
import dev.ops.core.error.Violations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps files rendered from the registry (a dnsmasq hosts file, HAProxy backends) in step with it:
 * a long-lived loop the user starts and closes, which on every change of the registry plans each
 * rendering and applies those that differ (each a journaled change with its reload). A failed
 * rendering is rolled back by its change, logged, told to {@code onFailure}, and tried again at
 * the next change of the registry.
 *
 * <pre>{@code
 * try (DiscoverySync sync = DiscoverySync.builder(registry)
 *         .render(() -> registry.hostsFile(host, h -> h.path("/etc/dnsmasq.d/services.hosts").domain("svc.lab").reload(hup)))
 *         .render(() -> registry.haproxyBackend(host, b -> b.service("api").reload(reloadHaproxy)))
 *         .build().start()) {
 *     ...
 * }
 * }</pre>
 */
public final class DiscoverySync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscoverySync.class);
    private final ServiceRegistry registry;
    private final List<Supplier<Change<String>>> renderings;
    private final Duration interval;
    private final Consumer<RuntimeException> onFailure;
    private final List<Applied<String>> applied = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Watch watch;

    private DiscoverySync(Builder b) {
        this.registry = b.registry;
        this.renderings = List.copyOf(b.renderings);
        this.interval = b.interval;
        this.onFailure = b.onFailure;
    }

    /** A sync of {@code registry}'s renderings. */
    public static Builder builder(ServiceRegistry registry) {
        return new Builder(Objects.requireNonNull(registry, "registry"));
    }

    /** Starts watching the registry; returns this sync. */
    public synchronized DiscoverySync start() {
        if (watch == null) {
            watch = registry.watch(interval, instances -> syncNow());
        }
        return this;
    }

    /** Plans every rendering and applies those that differ, now, on the caller's thread; returns what was applied. */
    public synchronized List<Applied<String>> syncNow() {
        List<Applied<String>> done = new ArrayList<>();
        for (Supplier<Change<String>> r : renderings) {
            Change<String> change = r.get();
            try {
                Plan plan = change.plan();
                if (!plan.isEmpty()) {
                    done.add(change.apply(plan));
                }
            } catch (RuntimeException e) {
                LOG.warn("{} failed: {}", change.description(), e.toString());
                onFailure.accept(e);
            }
        }
        applied.addAll(done);
        return done;
    }

    /** Every rendering applied since the start, oldest first. */
    public List<Applied<String>> applied() {
        return List.copyOf(applied);
    }

    /** Stops watching; the files stay as they are. */
    @Override
    public synchronized void close() {
        if (watch != null) {
            watch.close();
            watch = null;
        }
    }

    /** Builds a {@link DiscoverySync}. */
    public static final class Builder {
        private final ServiceRegistry registry;
        private final List<Supplier<Change<String>>> renderings = new ArrayList<>();
        private Duration interval = Duration.ofSeconds(1);
        private Consumer<RuntimeException> onFailure = e -> {};

        private Builder(ServiceRegistry registry) {
            this.registry = registry;
        }

        /** A rendering, made anew at each sync (it reads the registry when planned). */
        public Builder render(Supplier<Change<String>> rendering) {
            renderings.add(Objects.requireNonNull(rendering, "rendering"));
            return this;
        }

        /** How often the registry is polled for changes; 1 s by default. */
        public Builder interval(Duration interval) {
            this.interval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** Told of each failed rendering (after it was rolled back). */
        public Builder onFailure(Consumer<RuntimeException> onFailure) {
            this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
            return this;
        }

        /** The sync; not started. */
        public DiscoverySync build() {
            Violations v = Violations.of("discovery sync");
            v.check(!renderings.isEmpty(), "renderings", "must name at least one rendering");
            v.check(interval.toMillis() >= 1, "interval", "must be at least 1 ms");
            v.throwIfAny();
            return new DiscoverySync(this);
        }
    }
}
