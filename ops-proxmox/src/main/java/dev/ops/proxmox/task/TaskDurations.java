package dev.ops.proxmox.task;

import dev.ops.proxmox.ProxmoxClient;
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
 * the end is seen soon after it happens with few polls. A task is seen to have ended somewhere
 * between two polls, so each length is kept as that range. Keyed by task type and id (e.g. {@code
 * qmclone:9000}), falling back to the type alone. Thread-safe.
 */
final class TaskDurations {
    private static final int KEEP = 5;
    /** One per client, dropped with it. */
    private static final Map<dev.ops.proxmox.ProxmoxClient, TaskDurations> BY_CLIENT = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** The durations {@code client} saw. */
    static TaskDurations of(dev.ops.proxmox.ProxmoxClient client) {
        return BY_CLIENT.computeIfAbsent(client, c -> new TaskDurations());
    }
    private final Map<String, Deque<Window>> recent = new ConcurrentHashMap<>();

    /**
     * A range of lengths: from {@code shortest} to {@code longest}.
     *
     * @param shortest the shortest
     * @param longest the longest, not shorter than {@code shortest}
     */
    public record Window(Duration shortest, Duration longest) {
        public Window {
            if (shortest.isNegative() || longest.compareTo(shortest) < 0) {
                throw new IllegalArgumentException("not a range of lengths: " + shortest + " to " + longest);
            }
        }

        /** A length known exactly. */
        public static Window exactly(Duration d) {
            return new Window(d, d);
        }

        /** The middle of the range. */
        public Duration middle() {
            return shortest.plus(longest.minus(shortest).dividedBy(2));
        }
    }

    /** Records that a task like {@code upid} took {@code took}. */
    public void record(Upid upid, Duration took) {
        record(upid, Window.exactly(took));
    }

    /** Records that a task like {@code upid} took somewhere in {@code took} (it ended between two polls). */
    public void record(Upid upid, Window took) {
        add(upid.type() + ":" + upid.id(), took);
        add(upid.type(), took);
    }

    private void add(String key, Window took) {
        Deque<Window> d = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (d) {
            d.addLast(took);
            while (d.size() > KEEP) {
                d.removeFirst();
            }
        }
    }

    /** The lengths of recent tasks like {@code upid} (the middle of each range), oldest first; empty when none were seen. */
    public List<Duration> recent(Upid upid) {
        return ranges(upid).stream().map(Window::middle).toList();
    }

    /** The ranges recent tasks like {@code upid} ended in, oldest first; empty when none were seen. */
    public List<Window> ranges(Upid upid) {
        Deque<Window> d = entries(upid);
        if (d == null) {
            return List.of();
        }
        synchronized (d) {
            return List.copyOf(d);
        }
    }

    /** The range of recent lengths for tasks like {@code upid} (middles), if any were seen. */
    public Optional<Window> expected(Upid upid) {
        List<Duration> r = recent(upid);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Window(r.stream().min(Duration::compareTo).orElseThrow(), r.stream().max(Duration::compareTo).orElseThrow()));
    }

    private Deque<Window> entries(Upid upid) {
        Deque<Window> d = recent.get(upid.type() + ":" + upid.id());
        return d != null ? d : recent.get(upid.type());
    }
}
