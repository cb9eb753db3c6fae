package dev.ops.pve.node;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.ops.pve.PveObject;
import dev.ops.pve.internal.LenientValues;
import dev.ops.pve.task.Upid;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.BiConsumer;

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

    private TaskSummary() {}

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

    @Override
    protected void known(BiConsumer<String, Object> out) {
        out.accept("upid", upidText);
        out.accept("status", status);
        out.accept("node", node);
        out.accept("type", type);
        out.accept("id", id);
        out.accept("user", user);
        out.accept("pid", pid);
        out.accept("pstart", pstart);
        out.accept("starttime", starttime);
        out.accept("endtime", endtime);
    }

    /** Reads a task field by field; a field of an unexpected shape is left unset. */
    static final class Reader extends PveObject.Reader<TaskSummary> {
        Reader() {
            super(TaskSummary.class);
        }

        @Override
        protected TaskSummary create() {
            return new TaskSummary();
        }

        @Override
        protected boolean field(TaskSummary t, String name, JsonParser p) throws IOException {
            switch (name) {
                case "upid" -> {
                    t.upidText = LenientValues.text(p);
                    t.upid = Upid.isUpid(t.upidText) ? Upid.parse(t.upidText) : null;
                }
                case "status" -> t.status = LenientValues.text(p);
                case "node" -> t.node = LenientValues.text(p);
                case "type" -> t.type = LenientValues.text(p);
                case "id" -> t.id = LenientValues.text(p);
                case "user" -> t.user = LenientValues.text(p);
                case "pid" -> t.pid = LenientValues.intValue(p);
                case "pstart" -> t.pstart = LenientValues.longValue(p);
                case "starttime" -> t.starttime = LenientValues.longValue(p);
                case "endtime" -> t.endtime = LenientValues.longValue(p);
                default -> {
                    return false;
                }
            }
            return true;
        }
    }
}
