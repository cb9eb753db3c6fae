package dev.ops.pbs.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.NotFoundException;
import dev.ops.pbs.GcStatus;
import dev.ops.pbs.PbsClient;
import java.util.List;
import java.util.Map;

/** Runs garbage collection on a datastore and waits for its task; what it removes cannot be brought back. */
final class GarbageCollectChange extends PbsChange<GcStatus, Void> {
    private final String store;

    GarbageCollectChange(Ops ops, PbsClient pbs, String store) {
        super(ops, pbs);
        this.store = store;
    }

    @Override
    protected String what() {
        return "garbage-collect datastore " + store;
    }

    @Override
    protected Planned<Void> planSteps() {
        if (pbs.datastores().stream().noneMatch(d -> d.name().equals(store))) {
            throw new NotFoundException("datastore " + store, "does not exist");
        }
        GcStatus now = pbs.datastore(store).gcStatus();
        return Planned.of(List.of(Step.irreversible(what() + " (chunks unused for over a day are removed)",
                task("POST", "/admin/datastore/{store}/gc", Map.of("store", store)))))
                .withNote("pending before this run: " + now.pendingBytes() + " bytes");
    }

    @Override
    protected GcStatus result(Void none) {
        return pbs.datastore(store).gcStatus();
    }
}
