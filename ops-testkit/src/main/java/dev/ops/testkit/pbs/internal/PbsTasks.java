package dev.ops.testkit.pbs.internal;

import dev.ops.testkit.pve.internal.Cluster;
import dev.ops.testkit.pve.internal.Task;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The PBS fake's tasks, run by the PVE fake's task engine ({@link Cluster}: task duration, end by
 * status reads, planned failures) and named by PBS's UPID, which has one more field than PVE's (a
 * task counter). Effects happen in the task's success or failure action, under the engine's monitor,
 * which is the whole fake's lock.
 */
public final class PbsTasks {
    private final Cluster engine;
    private final Map<String, Task> byUpid = new LinkedHashMap<>();
    /** Tasks seeded by a test with a fixed exit status (null: running). */
    private final Map<String, String> seeded = new LinkedHashMap<>();
    private int counter;

    public PbsTasks(Duration duration) {
        this.engine = new Cluster(Clock.systemUTC(), duration, "pbs");
    }

    /** The monitor every state change of the fake holds. */
    public Object lock() {
        return engine;
    }

    /** The engine, for its failure injection and timing settings. */
    public Cluster engine() {
        return engine;
    }

    /** Starts a task of {@code type} on worker id {@code id}; {@code setup} gives it its success and failure actions. */
    public String start(String type, String id, String user, java.util.function.Consumer<Task> setup) {
        Task t = engine.startTask("pbs", type, id, user);
        setup.accept(t);
        String upid = upid(type, id, user, t.starttime);
        byUpid.put(upid, t);
        engine.schedule(t);
        return upid;
    }

    /** Adds a task that ended with {@code exit} (null: still running), as a test seeds one. */
    public String seed(String type, String exit) {
        String upid = upid(type, "", "root@pam", java.time.Instant.now().getEpochSecond());
        seeded.put(upid, exit);
        return upid;
    }

    private String upid(String type, String id, String user, long start) {
        counter++;
        return String.format(Locale.ROOT, "UPID:pbs:%08X:%08X:%08X:%08X:%s:%s:%s:", 4000 + counter, 1234, counter, start, type,
                id.replace(":", "\\x3a").replace("/", "\\x2f"), user);
    }

    /** Whether a task of that UPID exists. */
    public boolean exists(String upid) {
        return byUpid.containsKey(upid) || seeded.containsKey(upid);
    }

    /** Its exit status, null while it runs (a status read: a task ending by reads counts it). */
    public String exitStatus(String upid) {
        Task t = byUpid.get(upid);
        if (t == null) {
            return seeded.get(upid);
        }
        engine.statusRead(t);
        return "running".equals(t.status) ? null : t.exitstatus;
    }

    /** Its log lines. */
    public List<String> log(String upid) {
        Task t = byUpid.get(upid);
        if (t != null) {
            return List.copyOf(t.log);
        }
        String exit = seeded.get(upid);
        return exit == null || exit.equals("OK") ? List.of() : List.of(exit);
    }

    /** The UPIDs of every task, oldest first. */
    public List<String> upids() {
        List<String> out = new java.util.ArrayList<>(seeded.keySet());
        out.addAll(byUpid.keySet());
        return out;
    }

    /** Stops the engine's timer thread. */
    public void shutdown() {
        engine.shutdown();
    }
}
