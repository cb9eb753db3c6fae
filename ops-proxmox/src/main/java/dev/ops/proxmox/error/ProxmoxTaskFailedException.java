package dev.ops.proxmox.error;

import dev.ops.core.error.OpsException;
import java.util.List;

/** A Proxmox task ended with an error exit status; carries the UPID, the exit status and the last lines of its log. */
public class ProxmoxTaskFailedException extends OpsException {
    private final String upid;
    private final String exitStatus;
    private final List<String> logTail;

    public ProxmoxTaskFailedException(String upid, String exitStatus, List<String> logTail) {
        super("task " + upid + " failed: " + exitStatus + (logTail.isEmpty() ? "" : "\n  " + String.join("\n  ", logTail)));
        this.upid = upid;
        this.exitStatus = exitStatus;
        this.logTail = List.copyOf(logTail);
    }

    /** The task's UPID. */
    public String upid() {
        return upid;
    }

    /** The exit status Proxmox recorded, e.g. {@code VM 101 already running}. */
    public String exitStatus() {
        return exitStatus;
    }

    /** The last lines of the task log. */
    public List<String> logTail() {
        return logTail;
    }
}
