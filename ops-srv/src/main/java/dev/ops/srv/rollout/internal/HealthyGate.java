package dev.ops.srv.rollout.internal;

import dev.ops.srv.haproxy.HaproxyRuntime;
import dev.ops.srv.haproxy.ServerStat;
import dev.ops.srv.health.HealthCheck;
import dev.ops.srv.rollout.GateFailedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Passes once HAProxy sees every server healthy (up, or drained with its check passing) and every
 * check of theirs is healthy by its success threshold; fails as soon as a check turns unhealthy by
 * its failure threshold, or when the time is up.
 */
final class HealthyGate implements Gate {
    private final HaproxyRuntime runtime;
    private final String backend;
    private final Map<String, List<HealthCheck>> checks;
    private final Duration timeout;

    HealthyGate(HaproxyRuntime runtime, String backend, Map<String, List<HealthCheck>> checks, Duration timeout) {
        this.runtime = runtime;
        this.backend = backend;
        this.checks = Map.copyOf(checks);
        this.timeout = timeout;
    }

    @Override
    public String describe() {
        int n = checks.values().stream().mapToInt(List::size).sum();
        return String.join(", ", checks.keySet()) + " healthy (HAProxy's check" + (n == 0 ? "" : " and " + n + " of ours")
                + ") within " + timeout;
    }

    @Override
    public void pass() {
        Polling.Checks ours = new Polling.Checks(checks);
        long end = System.nanoTime() + timeout.toNanos();
        String seen = "";
        while (true) {
            String failed = ours.probe();
            if (failed != null) {
                throw new GateFailedException(describe(), failed);
            }
            List<ServerStat> servers = runtime.backend(backend).stream().filter(s -> checks.containsKey(s.server())).toList();
            seen = servers.stream().map(s -> s.server() + " " + s.status() + " " + s.checkStatus()).collect(Collectors.joining(", "));
            boolean haproxy = servers.size() == checks.size() && servers.stream().allMatch(ServerStat::healthy);
            if (haproxy && ours.allHealthy()) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new GateFailedException(describe(), "not healthy in time; last seen: " + seen + (ours.toString().isEmpty() ? "" : "; " + ours));
            }
            Polling.pause(ours.period(), describe());
        }
    }
}
