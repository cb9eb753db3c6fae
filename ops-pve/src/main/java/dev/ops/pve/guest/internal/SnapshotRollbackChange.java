package dev.ops.pve.guest.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.Violations;
import dev.ops.pve.PveClient;
import dev.ops.pve.PveIds;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestConfig;
import java.util.List;
import java.util.Map;

/** Rolls a guest back to a snapshot, which must exist at plan time. Cannot be undone (the current state is lost). */
final class SnapshotRollbackChange extends GuestChange<GuestConfig, Void> {
    private final String name;

    SnapshotRollbackChange(Ops ops, PveClient client, Guest guest, String name) {
        super(ops, client, guest);
        this.name = name;
    }

    @Override
    protected String what() {
        return "roll " + guest + " back to snapshot " + name;
    }

    @Override
    protected void validate(Violations v) {
        v.check(PveIds.isSnapshotName(name), "name", "'" + name + "' is not a snapshot name");
    }

    @Override
    protected Planned<Void> planSteps() {
        if (guest.snapshots().get(name).isEmpty()) {
            throw new NotFoundException("snapshot " + name + " of " + guest, "does not exist");
        }
        return Planned.of(List.of(Step.irreversible("roll " + guest + " back to " + name,
                task("POST", template("/snapshot/{snapname}/rollback"), params(Map.of("snapname", name))))));
    }

    @Override
    protected GuestConfig result(Void none) {
        return config();
    }
}
