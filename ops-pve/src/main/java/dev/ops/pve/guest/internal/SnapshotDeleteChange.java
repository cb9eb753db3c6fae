package dev.ops.pve.guest.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.Violations;
import dev.ops.pve.PveClient;
import dev.ops.pve.PveIds;
import dev.ops.pve.guest.Guest;
import java.util.List;
import java.util.Map;

/** Deletes a snapshot of an existing guest. Cannot be undone; no steps when it is gone. */
final class SnapshotDeleteChange extends GuestChange<Boolean, Void> {
    private final String name;

    SnapshotDeleteChange(Ops ops, PveClient client, Guest guest, String name) {
        super(ops, client, guest);
        this.name = name;
    }

    @Override
    protected String what() {
        return "delete snapshot " + name + " of " + guest;
    }

    @Override
    protected void validate(Violations v) {
        v.check(PveIds.isSnapshotName(name), "name", "'" + name + "' is not a snapshot name");
    }

    @Override
    protected Planned<Void> planSteps() {
        if (guest.snapshots().get(name).isEmpty()) {
            return Planned.none(null);
        }
        return Planned.of(List.of(Step.irreversible("delete snapshot " + name + " of " + guest,
                task("DELETE", template("/snapshot/{snapname}"), params(Map.of("snapname", name))))));
    }

    @Override
    protected Boolean result(Void none) {
        return guest.snapshots().get(name).isEmpty();
    }
}
