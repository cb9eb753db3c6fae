package dev.ops.srv.rollout.internal;

import dev.ops.srv.health.HealthCheck;
import dev.ops.srv.health.HealthStatus;
import dev.ops.srv.health.HealthTracker;
import dev.ops.srv.health.ProbeResult;
import dev.ops.srv.health.internal.Probes;
import dev.ops.srv.rollout.GateFailedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the gates share: a pause that keeps the interrupt, and checks run through their thresholds. */
final class Polling {
    static final Duration INTERVAL = Duration.ofMillis(50);

    private Polling() {}

    static void pause(Duration d, String gate) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GateFailedException(gate, "interrupted");
        }
    }

    /** Trackers of checks by server, probed together once per call to {@link #probe}. */
    static final class Checks {
        private final List<HealthCheck> checks = new ArrayList<>();
        private final List<HealthTracker> trackers = new ArrayList<>();
        private final List<String> last = new ArrayList<>();
        private final long started = System.nanoTime();

        Checks(Map<String, List<HealthCheck>> byServer) {
            byServer.values().forEach(list -> list.forEach(c -> {
                checks.add(c);
                trackers.add(new HealthTracker(c));
                last.add("not probed yet");
            }));
        }

        /** Probes every check once (those past their initial delay); returns the first that turned unhealthy, as a failure reason, or null. */
        String probe() {
            for (int i = 0; i < checks.size(); i++) {
                HealthCheck c = checks.get(i);
                if (System.nanoTime() - started < c.initialDelay().toNanos()) {
                    continue; // the check's initial delay: a service just updated may still be starting
                }
                ProbeResult r = Probes.run(c.probe(), c.timeout());
                last.set(i, c.name() + ": " + r.detail());
                trackers.get(i).record(r, Instant.now());
                if (trackers.get(i).status() == HealthStatus.UNHEALTHY) {
                    return "check " + c.name() + " failed " + c.failureThreshold() + " times in a row: " + r.detail();
                }
            }
            return null;
        }

        boolean allHealthy() {
            return trackers.stream().allMatch(t -> t.status() == HealthStatus.HEALTHY);
        }

        /** The shortest period among the checks, or the polling interval when there are none. */
        Duration period() {
            return checks.stream().map(HealthCheck::period).min(Duration::compareTo).orElse(INTERVAL);
        }

        @Override
        public String toString() {
            return String.join("; ", last);
        }
    }
}
