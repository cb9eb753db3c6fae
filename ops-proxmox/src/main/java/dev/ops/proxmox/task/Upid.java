package dev.ops.proxmox.task;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.core.error.Violations;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Proxmox task id, parsed the way Proxmox parses it: Proxmox VE's
 * {@code UPID:node:pid:pstart:starttime:type:id:user:} or Proxmox Backup Server's, which has one more
 * field, a task counter, before the start time ({@code UPID:node:pid:pstart:taskid:starttime:type:id:user:});
 * the counter is kept in {@link #value()} only.
 *
 * @param value the UPID as Proxmox wrote it
 * @param node the node the task runs on
 * @param pid the worker's process id
 * @param pstart the worker's process start time (clock ticks since boot)
 * @param startTime when the task started
 * @param type the task type, e.g. {@code qmclone}, {@code vzdump}
 * @param id the task's object id, often the VMID; may be empty
 * @param user who started it, e.g. {@code root@pam!ops}
 */
public record Upid(String value, String node, long pid, long pstart, Instant startTime, String type, String id, String user) {
    private static final Pattern UPID = Pattern.compile(
            "^UPID:([a-zA-Z0-9](?:[a-zA-Z0-9\\-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9}):(?:[0-9A-Fa-f]{8,16}:)?([0-9A-Fa-f]{8}):([^:\\s]+):([^:\\s]*):([^:\\s]+):$");

    /** Parses a UPID; throws a {@link dev.ops.core.error.ValidationException} naming the value when it is not one. */
    public static Upid parse(String value) {
        Matcher m = value == null ? null : UPID.matcher(value.trim());
        if (m == null || !m.matches()) {
            Violations.of("task id").add("upid", "'" + value + "' is not a Proxmox UPID (UPID:node:pid:pstart:starttime:type:id:user:)")
                    .throwIfAny();
            throw new IllegalStateException("unreachable");
        }
        return new Upid(value.trim(), m.group(1), AsciiNumbers.parseLong(m.group(2), 16), AsciiNumbers.parseLong(m.group(3), 16),
                Instant.ofEpochSecond(AsciiNumbers.parseLong(m.group(4), 16)), m.group(5), m.group(6), m.group(7));
    }

    /** Whether {@code value} is a well-formed UPID. */
    public static boolean isUpid(String value) {
        return value != null && UPID.matcher(value.trim()).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
