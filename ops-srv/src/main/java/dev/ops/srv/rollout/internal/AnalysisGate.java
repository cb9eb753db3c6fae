package dev.ops.srv.rollout.internal;

import dev.ops.core.error.NotFoundException;
import dev.ops.srv.haproxy.HaproxyRuntime;
import dev.ops.srv.haproxy.ServerStat;
import dev.ops.srv.health.HealthCheck;
import dev.ops.srv.rollout.GateFailedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A canary step's analysis: for {@code pause}, the canary's checks must stay healthy and the share
 * of 5xx among the responses HAProxy counted for it since the step began must stay at or under the
 * threshold (judged once at least {@code minRequests} responses were seen). Fails at the first
 * breach, without waiting for the pause to end.
 */
final class AnalysisGate implements Gate {
    private final HaproxyRuntime runtime;
    private final String backend;
    private final String server;
    private final List<HealthCheck> checks;
    private final Duration pause;
    private final double maxErrorRate;
    private final int minRequests;

    AnalysisGate(HaproxyRuntime runtime, String backend, String server, List<HealthCheck> checks, Duration pause, double maxErrorRate,
            int minRequests) {
        this.runtime = runtime;
        this.backend = backend;
        this.server = server;
        this.checks = List.copyOf(checks);
        this.pause = pause;
        this.maxErrorRate = maxErrorRate;
        this.minRequests = minRequests;
    }

    @Override
    public String describe() {
        return server + " analysed for " + pause + ": 5xx at most " + maxErrorRate * 100 + "% of at least " + minRequests
                + " responses" + (checks.isEmpty() ? "" : ", " + checks.size() + " checks healthy");
    }

    private ServerStat stat() {
        return runtime.server(backend, server).orElseThrow(() -> new NotFoundException("server " + backend + "/" + server, "gone from haproxy"));
    }

    @Override
    public void pass() {
        Polling.Checks ours = new Polling.Checks(Map.of(server, checks));
        ServerStat start = stat();
        long end = System.nanoTime() + pause.toNanos();
        while (true) {
            String failed = ours.probe();
            if (failed != null) {
                throw new GateFailedException(describe(), failed);
            }
            ServerStat now = stat();
            long responses = now.responses() - start.responses();
            long errors = now.responses5xx() - start.responses5xx();
            if (responses >= minRequests && (double) errors / responses > maxErrorRate) {
                throw new GateFailedException(describe(), errors + " of " + responses + " responses were 5xx ("
                        + Math.round(1000.0 * errors / responses) / 10.0 + "%)");
            }
            if (System.nanoTime() > end) {
                return;
            }
            Polling.pause(ours.period(), describe());
        }
    }
}
