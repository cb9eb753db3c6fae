package dev.ops.pbs.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.Violations;
import dev.ops.pbs.Namespace;
import dev.ops.pbs.PbsClient;
import dev.ops.pbs.SnapshotRef;
import java.util.List;
import java.util.Map;

/** Sets a snapshot's notes; the undo writes the old notes back. */
final class NotesChange extends PbsChange<String, Void> {
    private final String store;
    private final Namespace ns;
    private final SnapshotRef ref;
    private final String notes;

    NotesChange(Ops ops, PbsClient pbs, String store, Namespace ns, SnapshotRef ref, String notes) {
        super(ops, pbs);
        this.store = store;
        this.ns = ns;
        this.ref = ref;
        this.notes = notes;
    }

    @Override
    protected String what() {
        return "set the notes of snapshot " + ref + " in " + store + (ns.isRoot() ? "" : " ns " + ns);
    }

    @Override
    protected void validate(Violations v) {
        v.check(notes != null, "notes", "must be given (empty text clears them)");
    }

    @Override
    protected Planned<Void> planSteps() {
        if (pbs.datastore(store).snapshot(ns, ref).isEmpty()) {
            throw new NotFoundException("snapshot " + ref + " in datastore " + store, "does not exist");
        }
        String old = pbs.datastore(store).notes(ns, ref);
        if (old.equals(notes)) {
            return Planned.none(null);
        }
        Map<String, Object> set = PbsParams.snapshot(store, ns, ref);
        set.put("notes", notes);
        Map<String, Object> back = PbsParams.snapshot(store, ns, ref);
        back.put("notes", old);
        return Planned.of(List.of(Step.of(what(), call("PUT", "/admin/datastore/{store}/notes", set),
                call("PUT", "/admin/datastore/{store}/notes", back))));
    }

    @Override
    protected String result(Void none) {
        return notes;
    }
}
