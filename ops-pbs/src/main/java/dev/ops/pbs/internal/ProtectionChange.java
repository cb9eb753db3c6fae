package dev.ops.pbs.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.NotFoundException;
import dev.ops.pbs.Namespace;
import dev.ops.pbs.PbsClient;
import dev.ops.pbs.Snapshot;
import dev.ops.pbs.SnapshotRef;
import java.util.List;
import java.util.Map;

/** Sets a snapshot's protection; the undo sets the old one back. */
final class ProtectionChange extends PbsChange<Boolean, Void> {
    private final String store;
    private final Namespace ns;
    private final SnapshotRef ref;
    private final boolean protect;

    ProtectionChange(Ops ops, PbsClient pbs, String store, Namespace ns, SnapshotRef ref, boolean protect) {
        super(ops, pbs);
        this.store = store;
        this.ns = ns;
        this.ref = ref;
        this.protect = protect;
    }

    @Override
    protected String what() {
        return (protect ? "protect" : "unprotect") + " snapshot " + ref + " in " + store + (ns.isRoot() ? "" : " ns " + ns);
    }

    @Override
    protected Planned<Void> planSteps() {
        Snapshot now = pbs.datastore(store).snapshot(ns, ref)
                .orElseThrow(() -> new NotFoundException("snapshot " + ref + " in datastore " + store, "does not exist"));
        if (now.isProtected() == protect) {
            return Planned.none(null);
        }
        Map<String, Object> on = PbsParams.snapshot(store, ns, ref);
        on.put("protected", protect);
        Map<String, Object> back = PbsParams.snapshot(store, ns, ref);
        back.put("protected", !protect);
        return Planned.of(List.of(Step.of(what(), call("PUT", "/admin/datastore/{store}/protected", on),
                call("PUT", "/admin/datastore/{store}/protected", back))));
    }

    @Override
    protected Boolean result(Void none) {
        return protect;
    }
}
