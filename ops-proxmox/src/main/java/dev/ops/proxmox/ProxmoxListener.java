package dev.ops.proxmox;

import dev.ops.proxmox.task.TaskOutcome;
import dev.ops.proxmox.task.TaskStatus;
import dev.ops.proxmox.task.Upid;
import java.time.Duration;

/**
 * Hears about a {@link ProxmoxClient}'s API calls and task waits ({@code ProxmoxClient.builder().listener(...)}), as
 * OkHttp's {@code EventListener} does for HTTP. Every call ends with {@link #callEnded}, once per attempt (a retried
 * call reports each); a call that starts a task reports {@link #taskStarted}; {@link dev.ops.proxmox.task.ProxmoxTask#await}
 * reports each status poll ({@link #taskPolled}) and the outcome ({@link #taskEnded}), in that order.
 *
 * <p>Calls come on the calling thread; keep them quick. A listener that throws is logged at WARN and changes
 * nothing about the call. ops-micrometer's {@code PveMetrics} is one.
 */
public interface ProxmoxListener {

    /**
     * An API call ended: its method, its path template as the client sent it ({@code /nodes/{node}/qemu/{vmid}/status/start},
     * so that calls on different guests share it), the HTTP status (0 when no answer came: a connection failure or timeout)
     * and how long it took.
     */
    default void callEnded(String method, String pathTemplate, int status, Duration took) {}

    /** A call started a task on the server. */
    default void taskStarted(Upid upid) {}

    /** A wait polled the task's status; {@code polls} so far, this one included. */
    default void taskPolled(Upid upid, TaskStatus status, int polls) {}

    /** A wait ended: the task ended (ok, with warnings or failed) or the deadline passed with it still running. */
    default void taskEnded(TaskOutcome outcome) {}
}
