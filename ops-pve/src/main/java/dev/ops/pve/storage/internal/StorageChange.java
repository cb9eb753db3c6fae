package dev.ops.pve.storage.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Action;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.NotFoundException;
import dev.ops.pve.PveClient;
import dev.ops.pve.change.internal.PveChange;
import dev.ops.pve.storage.Storage;
import dev.ops.pve.storage.StorageContentItem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Puts a volume on a storage (a download or an upload); the undo deletes the volume. No steps when the volume exists. */
final class StorageChange extends PveChange<StorageContentItem, Void> {
    private final Storage storage;
    private final String volid;
    private final String what;
    private final String stepDescription;
    private final Action action;

    StorageChange(Ops ops, PveClient client, Storage storage, String volid, String what, String stepDescription, Action action) {
        super(ops, client);
        this.storage = storage;
        this.volid = volid;
        this.what = what;
        this.stepDescription = stepDescription;
        this.action = action;
    }

    @Override
    protected String what() {
        return what;
    }

    @Override
    protected Planned<Void> planSteps() {
        if (storage.get(volid).isPresent()) {
            return Planned.none(null);
        }
        Map<String, Object> del = new LinkedHashMap<>();
        del.put("node", storage.node());
        del.put("storage", storage.id());
        del.put("volume", volid);
        return Planned.of(List.of(Step.of(stepDescription, action, task("DELETE", "/nodes/{node}/storage/{storage}/content/{volume}", del))));
    }

    @Override
    protected StorageContentItem result(Void none) {
        return storage.get(volid).orElseThrow(() -> new NotFoundException("volume " + volid, "not found after apply"));
    }
}
