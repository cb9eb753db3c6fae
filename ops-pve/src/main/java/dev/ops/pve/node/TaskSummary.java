package dev.ops.pve.node;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.ops.pve.PveObject;
import dev.ops.proxmox.task.Upid;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One task of {@code GET /nodes/{node}/tasks}. Fields without an accessor here stay readable
 * through {@link #field} and {@link #fields}.
 */
@JsonDeserialize(using = TaskSummary.Reader.class)
public final class TaskSummary extends PveObject {
    private String upidText;
    private Upid upid;
    private String status;
    private String node;
    private String type;
    private String id;
    private String user;
    private Integer pid;
    private Long pstart;
    private Long starttime;
    private Long endtime;

    private static final Fields<TaskSummary> FIELDS = Fields.of(TaskSummary.class, TaskSummary::new)
            .text("upid", TaskSummary::readUpid, m -> m.upidText)
            .text("status", (m, v) -> m.status = v, m -> m.status)
            .text("node", (m, v) -> m.node = v, m -> m.node)
            .text("type", (m, v) -> m.type = v, m -> m.type)
            .text("id", (m, v) -> m.id = v, m -> m.id)
            .text("user", (m, v) -> m.user = v, m -> m.user)
            .integer("pid", (m, v) -> m.pid = v, m -> m.pid)
            .longValue("pstart", (m, v) -> m.pstart = v, m -> m.pstart)
            .longValue("starttime", (m, v) -> m.starttime = v, m -> m.starttime)
            .longValue("endtime", (m, v) -> m.endtime = v, m -> m.endtime);

    private TaskSummary() {
        super(FIELDS);
    }

    private static void readUpid(TaskSummary t, String text) {
        t.upidText = text;
        t.upid = Upid.isUpid(text) ? Upid.parse(text) : null;
    }

    /**
     * The task id; throws a {@link dev.ops.core.error.ValidationException} naming the value when
     * Proxmox sent none or not a UPID.
     */
    public Upid upid() {
        return upid != null ? upid : Upid.parse(upidText);
    }

    /** Its end status ({@code OK}, or the error), empty while it runs. */
    public Optional<String> status() {
        return Optional.ofNullable(status);
    }

    /** Whether it still runs. */
    public boolean running() {
        return status == null;
    }

    /** The node it runs on. */
    public Optional<String> node() {
        return Optional.ofNullable(node);
    }

    /** The task type, e.g. {@code qmclone}, {@code vzdump}. */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /** The task's object id, often the VMID; may be empty. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** Who started it, e.g. {@code root@pam!ops}. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** The worker's process id. */
    public OptionalInt pid() {
        return optional(pid);
    }

    /** The worker's process start time (clock ticks since boot). */
    public OptionalLong pstart() {
        return optional(pstart);
    }

    /** When it started. */
    public Optional<Instant> startTime() {
        return instant(starttime);
    }

    /** When it ended, empty while it runs. */
    public Optional<Instant> endTime() {
        return instant(endtime);
    }

    private static Optional<Instant> instant(Long epochSecond) {
        return epochSecond == null ? Optional.empty() : Optional.of(Instant.ofEpochSecond(epochSecond));
    }

    /** Reads a task field by field; a field of an unexpected shape is left unset. */
    static final class Reader extends PveObject.Reader<TaskSummary> {
        Reader() {
            super(FIELDS);
        }
    }
}
