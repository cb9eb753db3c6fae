package dev.ops.pve.task;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long recent tasks of each kind took, as this client saw them end. Waiting uses it to poll
 * sparsely while a task cannot be done yet and densely around when it is expected to end, so that
 * the end is seen soon after it happens with few polls. Keyed by task type and id (e.g. {@code
 * qmclone:9000}), falling back to the type alone. Thread-safe.
 */
public final class TaskDurations {
    private static final int KEEP = 5;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    /** The range recent tasks like {@code upid} took. */
    public record Window(Duration shortest, Duration longest) {}

    /** Records that a task like {@code upid} took {@code took}. */
    public void record(Upid upid, Duration took) {
        add(upid.type() + ":" + upid.id(), took);
        add(upid.type(), took);
    }

    private void add(String key, Duration took) {
        Deque<Long> d = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (d) {
            d.addLast(took.toNanos());
            while (d.size() > KEEP) {
                d.removeFirst();
            }
        }
    }

    /** The durations of recent tasks like {@code upid}, oldest first (empty when none were seen). */
    public List<Duration> recent(Upid upid) {
        Deque<Long> d = recent.get(upid.type() + ":" + upid.id());
        if (d == null) {
            d = recent.get(upid.type());
        }
        if (d == null) {
            return List.of();
        }
        synchronized (d) {
            return d.stream().map(Duration::ofNanos).toList();
        }
    }

    /** The range of recent durations for tasks like {@code upid}, if any were seen. */
    public Optional<Window> expected(Upid upid) {
        Deque<Long> d = recent.get(upid.type() + ":" + upid.id());
        if (d == null) {
            d = recent.get(upid.type());
        }
        if (d == null) {
            return Optional.empty();
        }
        synchronized (d) {
            if (d.isEmpty()) {
                return Optional.empty();
            }
            long lo = d.stream().mapToLong(Long::longValue).min().orElseThrow();
            long hi = d.stream().mapToLong(Long::longValue).max().orElseThrow();
            return Optional.of(new Window(Duration.ofNanos(lo), Duration.ofNanos(hi)));
        }
    }
}
