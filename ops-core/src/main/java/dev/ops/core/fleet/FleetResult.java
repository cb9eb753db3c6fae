package dev.ops.core.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The results of a {@link Fleet} run, one per host in the order the hosts were given.
 *
 * @param <T> the value type
 */
public record FleetResult<T>(List<HostResult<T>> results, Duration elapsed) {

    public FleetResult {
        results = List.copyOf(results);
    }

    /** The hosts that returned a value. */
    public List<HostResult.Success<T>> successes() {
        return results.stream().filter(r -> r instanceof HostResult.Success<T>).map(r -> (HostResult.Success<T>) r).toList();
    }

    /** The hosts that failed or timed out. */
    public List<HostResult<T>> problems() {
        return results.stream().filter(r -> !r.ok()).toList();
    }

    /** Whether every host returned a value. */
    public boolean allOk() {
        return results.stream().allMatch(HostResult::ok);
    }

    /** The values by host name, for the hosts that returned one. */
    public Map<String, T> values() {
        return successes().stream().filter(s -> s.value() != null)
                .collect(Collectors.toMap(HostResult.Success::host, HostResult.Success::value, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** The result for one host. */
    public HostResult<T> of(String host) {
        return results.stream().filter(r -> r.host().equals(host)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no host " + host + " in this run"));
    }

    /** A short summary, e.g. {@code 48 ok, 1 failed, 1 timed out in 812 ms}. */
    public String summary() {
        Map<String, Long> counts = results.stream().collect(Collectors.groupingBy(
                r -> switch (r) {
                    case HostResult.Success<T> s -> "ok";
                    case HostResult.Failure<T> f -> "failed";
                    case HostResult.TimedOut<T> t -> "timed out";
                }, Collectors.counting()));
        return List.of("ok", "failed", "timed out").stream().filter(counts::containsKey)
                .map(k -> counts.get(k) + " " + k).collect(Collectors.joining(", ")) + " in " + elapsed.toMillis() + " ms";
    }

}
