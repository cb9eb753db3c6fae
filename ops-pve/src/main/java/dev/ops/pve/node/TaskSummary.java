package dev.ops.pve.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.pve.internal.JsonFields;
import dev.ops.pve.task.Upid;
import java.util.Optional;

/**
 * One task of {@code GET /nodes/{node}/tasks}.
 *
 * @param upid the task id
 * @param status its end status, empty while running
 * @param raw every field Proxmox sent
 */
public record TaskSummary(Upid upid, Optional<String> status, JsonNode raw) {

    /** Reads it from Proxmox's JSON; fields this class does not know stay readable through the raw JSON. */
    public static TaskSummary from(JsonNode n) {
        return new TaskSummary(Upid.parse(n.path("upid").asText()), JsonFields.text(n, "status"), n);
    }

    /** Whether it still runs. */
    public boolean running() {
        return status.isEmpty();
    }
}
