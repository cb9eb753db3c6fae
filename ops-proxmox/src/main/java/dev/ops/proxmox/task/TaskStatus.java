package dev.ops.proxmox.task;

import dev.ops.proxmox.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * A task's status as {@code GET /nodes/{node}/tasks/{upid}/status} returns it.
 *
 * @param upid the task
 * @param running whether it still runs
 * @param exitText the exit status once stopped ({@code OK}, {@code WARNINGS: n} or an error message); empty while it runs
 * @param raw every field Proxmox sent, known or not
 */
public record TaskStatus(Upid upid, boolean running, String exitText, JsonValue raw) {

    public TaskStatus {
        Objects.requireNonNull(upid, "upid");
        Objects.requireNonNull(exitText, "exitText");
        Objects.requireNonNull(raw, "raw");
    }

    /** Reads a status from Proxmox's JSON. */
    public static TaskStatus from(Upid upid, JsonValue data) {
        boolean running = "running".equals(data.path("status").asText());
        JsonValue exit = data.path("exitstatus");
        return new TaskStatus(upid, running, exit.isNull() || exit.isMissing() || running ? "" : exit.asText(), data);
    }

    /** The exit status once stopped: {@code OK}, {@code WARNINGS: n} or an error message; empty while it runs. */
    public Optional<String> exitStatus() {
        return running || exitText.isEmpty() ? Optional.empty() : Optional.of(exitText);
    }
}
