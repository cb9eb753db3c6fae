package dev.ops.lab.replicate.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Changes;
import dev.ops.lab.catalog.ReplicationTask;
import dev.ops.lab.catalog.internal.CatalogChange;
import dev.ops.lab.catalog.internal.CatalogKeys;
import dev.ops.lab.catalog.internal.TaskOpenAction;
import dev.ops.lab.catalog.internal.TaskStatusAction;
import dev.ops.pve.PveClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * A task in the catalog around its parts: opened first (its undo marks it rolled back), each part
 * chained after the one before (each needs values taken at apply, so they are chained with
 * {@link Changes#then}, not sequenced: still one journal record and one rollback), closed last.
 */
public final class TaskChain {
    private TaskChain() {}

    /** {@code task} opened with {@code opening} as its step's description, then {@code parts}, then closed. */
    public static Change<ReplicationTask> around(PveClient client, Ops ops, ReplicationTask task, String opening,
            List<Supplier<Change<?>>> parts) {
        String id = task.id();
        Change<?> all = new CatalogChange<>(ops, client.targets(ops), opening,
                new TaskOpenAction(id, new String(CatalogKeys.write(task), StandardCharsets.UTF_8)),
                new TaskStatusAction(id, "rolled-back"), store -> task);
        for (Supplier<Change<?>> part : parts) {
            all = Changes.then(all, done -> part.get());
        }
        return Changes.then(all, done -> new CatalogChange<>(ops, client.targets(ops), "close task " + id,
                new TaskStatusAction(id, "done"), new TaskStatusAction(id, "rolled-back"),
                store -> CatalogKeys.read(CatalogKeys.task(id), store.get(CatalogKeys.task(id)).orElseThrow().value(), ReplicationTask.class)));
    }
}
