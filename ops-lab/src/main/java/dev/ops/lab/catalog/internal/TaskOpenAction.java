package dev.ops.lab.catalog.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.store.StateStore;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes a replication task's record (status {@code running}, every target pending).
 *
 * @param taskId the task
 * @param json the record
 */
public record TaskOpenAction(String taskId, String json) implements Action {
    public TaskOpenAction {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(json, "json");
    }

    @Override
    public String target() {
        return Targets.STATE_STORE;
    }

    @Override
    public String render() {
        return "write replication task " + taskId + " (running) to the catalog";
    }

    @Override
    public void execute(Targets targets) {
        targets.resolve(Targets.STATE_STORE, StateStore.class).put(CatalogKeys.task(taskId), json.getBytes(StandardCharsets.UTF_8));
    }
}
