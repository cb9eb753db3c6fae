package dev.ops.proxmox.task;

import dev.ops.proxmox.ProxmoxClient;
import dev.ops.proxmox.JsonValue;
import dev.ops.core.error.OpsException;
import dev.ops.proxmox.ProxmoxApi;
import dev.ops.proxmox.ProxmoxResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Proxmox task started by a call: its {@link Upid}, its status and log, and waiting for it with an
 * operation deadline that has nothing to do with the per-request timeout (a 5 s request timeout
 * never cuts short a 10-minute clone: each poll is a short request of its own).
 *
 * <pre>{@code
 * TaskOutcome done = vm.start().await(Duration.ofMinutes(2));   // never throws for the task's own end
 * vm.clone(r -> r.newId(150)).awaitSuccess(Duration.ofMinutes(10)); // throws when it failed or still runs
 * }</pre>
 */
public final class ProxmoxTask {
    private static final Logger LOG = LoggerFactory.getLogger(ProxmoxTask.class);
    /** How many log lines a failed or warning outcome carries. */
    public static final int LOG_TAIL_LINES = 20;

    private final ProxmoxClient client;
    private final Upid upid;
    private final Runnable onEnd;
    private final AtomicBoolean ended = new AtomicBoolean();

    static {
        dev.ops.proxmox.internal.Handles.register(ProxmoxTask.class, a -> new ProxmoxTask((ProxmoxClient) a[0], (Upid) a[1], (Runnable) a[2]));
    }

    /** A handle on the task {@code upid}; {@code onEnd} runs once when the task is seen to have ended. */
    private ProxmoxTask(ProxmoxClient client, Upid upid, Runnable onEnd) {
        this.client = client;
        this.upid = upid;
        this.onEnd = onEnd;
    }

    /** A handle on a task of which only the UPID is known (e.g. one started by another process). */
    public static ProxmoxTask of(ProxmoxClient client, String upid) {
        return new ProxmoxTask(client, Upid.parse(upid), () -> {});
    }

    /** The task's UPID. */
    public Upid upid() {
        return upid;
    }

    /** The node the task runs on. */
    public String node() {
        return upid.node();
    }

    /** The current status, one request. */
    public TaskStatus status() {
        return status(client.api());
    }

    private TaskStatus status(ProxmoxApi api) {
        JsonValue data = api.get("/nodes/{node}/tasks/{upid}/status", Map.of("node", upid.node(), "upid", upid.value()));
        TaskStatus s = TaskStatus.from(upid, data);
        if (!s.running()) {
            markEnded();
        }
        return s;
    }

    /** Log lines {@code start} (0-based) onwards, at most {@code limit}. */
    public List<String> log(int start, int limit) {
        return lines(client.api().call("GET", "/nodes/{node}/tasks/{upid}/log",
                Map.of("node", upid.node(), "upid", upid.value(), "start", start, "limit", limit)).data());
    }

    /** The last {@code n} lines of the log. */
    public List<String> logTail(int n) {
        Map<String, Object> p = new java.util.HashMap<>(Map.of("node", upid.node(), "upid", upid.value(), "start", 0, "limit", n));
        ProxmoxResponse first = client.api().call("GET", "/nodes/{node}/tasks/{upid}/log", p);
        long total = first.total().orElse(-1);
        if (total <= n) {
            return lines(first.data());
        }
        p.put("start", total - n);
        return lines(client.api().call("GET", "/nodes/{node}/tasks/{upid}/log", p).data());
    }

    private static List<String> lines(JsonValue data) {
        List<String> out = new ArrayList<>();
        if (data != null && data.isArray()) {
            data.forEach(l -> out.add(l.path("t").asText()));
        }
        return out;
    }

    /**
     * Waits until the task ends or {@code deadline} passes, polling fast at first and then less
     * often ({@link dev.ops.proxmox.ProxmoxClient.Settings#pollPolicy}). Returns the outcome: OK, OK with warnings,
     * failed (with the exit status and the last log lines), or still running at the deadline.
     * Throws only when the API itself cannot be asked.
     */
    public TaskOutcome await(Duration deadline) {
        TimeSource time = client.timeSource();
        long start = time.nanoTime();
        long limit = deadline.toNanos();
        Schedule schedule = new Schedule(client.pollPolicy(), TaskDurations.of(client).ranges(upid));
        int polls = 0;
        long lastPause = 0;
        while (true) {
            long elapsed = time.nanoTime() - start;
            long left = limit - elapsed;
            if (left > 0) {
                long pause = Math.min(schedule.next(polls, elapsed), left);
                lastPause = pause;
                sleep(time, Duration.ofNanos(pause));
            }
            elapsed = time.nanoTime() - start;
            left = Math.max(limit - elapsed, 0);
            TaskStatus s = status(client.api().withDeadline(Duration.ofNanos(left)));
            polls++;
            int polled = polls;
            dev.ops.proxmox.internal.Listeners.tell(client.listeners(), l -> l.taskPolled(upid, s, polled));
            Duration waited = Duration.ofNanos(time.nanoTime() - start);
            if (!s.running()) {
                // The task ended somewhere in the last pause.
                TaskDurations.of(client).record(upid, new TaskDurations.Window(Duration.ofNanos(Math.max(elapsed - lastPause, 0)),
                        Duration.ofNanos(elapsed)));
                String exit = s.exitStatus().orElse("");
                TaskOutcome.State state = TaskOutcome.classify(exit);
                List<String> tail = state == TaskOutcome.State.OK ? List.of() : safeTail();
                TaskOutcome out = new TaskOutcome(upid, state, exit, TaskOutcome.warningCount(exit), tail, waited, polls, deadline);
                LOG.debug("{}", out);
                dev.ops.proxmox.internal.Listeners.tell(client.listeners(), l -> l.taskEnded(out));
                return out;
            }
            if (time.nanoTime() - start >= limit) {
                TaskOutcome out = new TaskOutcome(upid, TaskOutcome.State.STILL_RUNNING, "", 0, List.of(), waited, polls, deadline);
                dev.ops.proxmox.internal.Listeners.tell(client.listeners(), l -> l.taskEnded(out));
                return out;
            }
        }
    }

    /**
     * When to poll next. Without history: the poll policy's growing intervals (fast at first, then
     * backing off). With the lengths of recent tasks like this one: one early poll (a task that
     * fails at once is seen at once), one poll at each recently seen length, dense polls across the
     * range the most recent one ended in (where this one most likely ends: the wider that range, the
     * sparser, so that a range learnt from a long pause narrows with each task), gaps of at most
     * {@link #MAX_GAP} in between, and once every expected end has passed, intervals doubling from
     * twice the first up to the policy's longest.
     */
    static final class Schedule {
        static final long MAX_GAP = Duration.ofSeconds(2).toNanos();
        private static final int STEPS_ACROSS = 8;
        private final PollPolicy policy;
        private final long[] instants;
        private int afterWindow;

        Schedule(PollPolicy policy, List<TaskDurations.Window> recent) {
            this.policy = policy;
            this.instants = instants(policy.initial().toNanos(), recent);
        }

        private static long[] instants(long initial, List<TaskDurations.Window> recent) {
            java.util.TreeSet<Long> at = new java.util.TreeSet<>();
            if (recent.isEmpty()) {
                return new long[0];
            }
            TaskDurations.Window last = recent.get(recent.size() - 1);
            long lo = last.shortest().toNanos();
            long hi = last.longest().toNanos();
            long step = Math.max(initial, lo / 50);
            at.add(lo - step);
            // Across the range in eighths, but no closer than the first interval: a range narrowed to a
            // step is polled in its middle too, so that the next end is seen within half a step.
            for (long t = lo; t < hi; t += Math.max(initial, (hi - lo) / STEPS_ACROSS)) {
                at.add(t);
            }
            at.add(hi);
            at.add(hi + step);
            at.add(hi + 2 * step);
            for (TaskDurations.Window w : recent) {
                long t = (long) (w.shortest().toNanos() * 0.98);
                // a length within a first interval of one already polled adds no poll of its own
                Long below = at.floor(t);
                Long above = at.ceiling(t);
                if ((below == null || t - below >= initial) && (above == null || above - t >= initial)) {
                    at.add(t);
                }
            }
            return at.stream().filter(t -> t > initial).mapToLong(Long::longValue).toArray();
        }

        long next(int polls, long elapsed) {
            long initial = policy.initial().toNanos();
            if (instants.length == 0) {
                return policy.interval(polls).toNanos();
            }
            if (polls == 0) {
                return initial;
            }
            for (long t : instants) {
                if (t > elapsed + initial / 4) {
                    return Math.min(t - elapsed, MAX_GAP);
                }
            }
            // Past every expected end (the dense polls reach two steps past it): a task a little
            // late is seen soon, and one far longer than recent ones gets to long intervals in a few
            // polls, as the intervals double from twice the first.
            long doubled = policy.initial().toNanos() << Math.min(++afterWindow, 30);
            return Math.min(doubled, policy.max().toNanos());
        }
    }

    /** Waits as {@link #await} does, and throws when the task failed or still runs at the deadline. */
    public TaskOutcome awaitSuccess(Duration deadline) {
        return await(deadline).orThrow();
    }

    /** Waits with the client's default task deadline and throws unless the task succeeded. */
    public TaskOutcome awaitSuccess() {
        return awaitSuccess(client.defaultTaskDeadline());
    }

    private List<String> safeTail() {
        try {
            return logTail(LOG_TAIL_LINES);
        } catch (OpsException e) {
            LOG.debug("cannot read the log of {}: {}", upid, e.getMessage());
            return List.of("(log unavailable: " + e.getMessage() + ")");
        }
    }

    private void markEnded() {
        if (onEnd != null && ended.compareAndSet(false, true)) {
            onEnd.run();
        }
    }

    private static void sleep(TimeSource time, Duration d) {
        try {
            time.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsException("interrupted while waiting for a task", e);
        }
    }

    @Override
    public String toString() {
        return "ProxmoxTask[" + upid + "]";
    }
}
