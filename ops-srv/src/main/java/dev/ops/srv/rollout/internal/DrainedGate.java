package dev.ops.srv.rollout.internal;

import dev.ops.srv.haproxy.HaproxyRuntime;
import dev.ops.srv.haproxy.ServerStat;
import dev.ops.srv.rollout.GateFailedException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Passes once drained servers have no sessions left ({@code scur} 0), so that updating them cuts no request short. */
final class DrainedGate implements Gate {
    private final HaproxyRuntime runtime;
    private final String backend;
    private final List<String> servers;
    private final Duration timeout;

    DrainedGate(HaproxyRuntime runtime, String backend, List<String> servers, Duration timeout) {
        this.runtime = runtime;
        this.backend = backend;
        this.servers = List.copyOf(servers);
        this.timeout = timeout;
    }

    @Override
    public String describe() {
        return String.join(", ", servers) + " without sessions within " + timeout;
    }

    @Override
    public void pass() {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ServerStat> busy = runtime.backend(backend).stream().filter(s -> servers.contains(s.server()) && s.currentSessions() > 0).toList();
            if (busy.isEmpty()) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new GateFailedException(describe(), "sessions still open: "
                        + busy.stream().map(s -> s.server() + " " + s.currentSessions()).collect(Collectors.joining(", ")));
            }
            Polling.pause(Polling.INTERVAL, describe());
        }
    }
}
