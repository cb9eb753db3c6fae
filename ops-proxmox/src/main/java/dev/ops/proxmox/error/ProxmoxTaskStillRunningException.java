package dev.ops.proxmox.error;

import dev.ops.core.error.OpsTimeoutException;
import java.time.Duration;

/**
 * The wait for a task ran past its deadline while the task was still running. The task itself has
 * not failed: it goes on on the node, and can be awaited again by its UPID.
 */
public class ProxmoxTaskStillRunningException extends OpsTimeoutException {
    private final String upid;

    public ProxmoxTaskStillRunningException(String upid, Duration deadline) {
        super("task " + upid, deadline, "still running on the node; this is not a failure of the task, which goes on");
        this.upid = upid;
    }

    /** The task's UPID. */
    public String upid() {
        return upid;
    }
}
