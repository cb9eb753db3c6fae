package dev.ops.testkit.pve.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A worker task identified by its UPID. */
public final class Task {
    public final String upid;
    public final String node;
    public final int pid;
    public final int pstart;
    public final long starttime;
    public final String type;
    public final String id;
    public final String user;
    public final List<String> log = new ArrayList<>();
    public String status = "running";
    public String exitstatus;
    public long endtime;
    Runnable onSuccess = () -> { };
    Runnable onFailure = () -> { };
    String endError;
    /** Status reads still answered {@code running} when tasks end by reads; -1 when they end by time. */
    int readsLeft = -1;
    String plannedExit;

    Task(String node, int pid, int pstart, long starttime, String type, String id, String user) {
        this.node = node;
        this.pid = pid;
        this.pstart = pstart;
        this.starttime = starttime;
        this.type = type;
        // PVE escapes ':' in the worker id (e.g. a volume id) so that the UPID stays parseable
        this.id = id.replace(":", "\\x3a");
        this.user = user;
        this.upid = String.format(Locale.ROOT, "UPID:%s:%08X:%08X:%08X:%s:%s:%s:", node, pid, pstart, starttime, type,
                this.id, user);
    }

    /** Sets what happens when the task ends OK (or with warnings). */
    public Task onSuccess(Runnable r) {
        this.onSuccess = r;
        return this;
    }

    /**
     * Makes a task whose work ran (its success action) end with {@code exitstatus} all the same, as a
     * PBS sync does when some groups failed: what was done stays done.
     */
    public Task endWithError(String exitstatus) {
        this.endError = java.util.Objects.requireNonNull(exitstatus, "exitstatus");
        return this;
    }

    /** Whether {@link #endWithError} was called. */
    public boolean endsWithError() {
        return endError != null;
    }

    /** Sets the clean-up when the task fails. */
    public Task onFailure(Runnable r) {
        this.onFailure = r;
        return this;
    }

    /** Adds a log line. */
    public Task log(String line) {
        log.add(line);
        return this;
    }
}
