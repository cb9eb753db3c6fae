package dev.ops.pve.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A task's status as {@code GET /nodes/{node}/tasks/{upid}/status} returns it.
 *
 * @param upid the task
 * @param running whether it still runs
 * @param exitStatus the exit status once stopped: {@code OK}, {@code WARNINGS: n} or an error message
 * @param raw every field Proxmox sent, known or not
 */
public record TaskStatus(Upid upid, boolean running, Optional<String> exitStatus, JsonNode raw) {

    /** Reads a status from Proxmox's JSON. */
    public static TaskStatus from(Upid upid, JsonNode data) {
        boolean running = "running".equals(data.path("status").asText());
        JsonNode exit = data.get("exitstatus");
        return new TaskStatus(upid, running, exit == null || exit.isNull() || running ? Optional.empty() : Optional.of(exit.asText()), data);
    }
}
