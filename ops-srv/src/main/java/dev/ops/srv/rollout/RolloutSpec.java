package dev.ops.srv.rollout;

import dev.ops.core.change.Change;
import dev.ops.srv.haproxy.HaproxyConfig;
import dev.ops.srv.health.HealthCheck;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.immutables.value.Value;

/** What every rollout says: the backend, how to put the new version on one server, and how its gates judge a server. */
public interface RolloutSpec {

    /** The HAProxy backend whose servers are rolled out. */
    String backend();

    /**
     * The change that puts the new version on one server, by the server's name as HAProxy knows it
     * (a unit file and a restart, a file the service reads...). It must be a change made by ops: its
     * steps join the rollout's plan and roll back with it.
     */
    Function<String, Change<?>> update();

    /**
     * The checks a server must pass at a gate, by the server's name, besides HAProxy's own view
     * (up, with its last check passed); none by default.
     */
    @Value.Default
    default Function<String, List<HealthCheck>> checks() {
        return server -> List.of();
    }

    /** How long a health gate waits for a server to become healthy before it fails (and the rollout rolls back). */
    @Value.Default
    default Duration gateTimeout() {
        return Duration.ofSeconds(30);
    }

    /**
     * The configuration file where the end state is also written (checked with {@code haproxy -c}),
     * so that a reload keeps it: the sides of a blue-green switch ({@code disabled} on the old side),
     * a canary's final weight. A rolling update ends where it began and writes nothing.
     */
    Optional<HaproxyConfig> persistTo();

    /** How long a drain gate waits for a drained server's sessions to finish before it fails. */
    @Value.Default
    default Duration drainTimeout() {
        return Duration.ofSeconds(30);
    }
}
