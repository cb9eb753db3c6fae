package dev.ops.pve.guest.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deletes a guest with its disks, stopping it first when it runs. Cannot be undone; no steps when it is gone already. */
final class DeleteChange extends GuestChange<Boolean, Void> {

    DeleteChange(Ops ops, PveClient client, Guest guest) {
        super(ops, client, guest);
    }

    @Override
    protected String what() {
        return "delete " + guest;
    }

    @Override
    protected Planned<Void> planSteps() {
        Optional<GuestStatus> s = findStatus(guest);
        if (s.isEmpty()) {
            return Planned.none(null);
        }
        List<Step> steps = new ArrayList<>();
        if (s.get().running()) {
            steps.add(Step.of("stop " + guest, power(guest, "stop"), power(guest, "start")));
        }
        steps.add(Step.irreversible("delete " + guest + " and its disks",
                task("DELETE", template(""), params(Map.of("purge", true, "destroy-unreferenced-disks", true)))));
        return Planned.of(steps);
    }

    @Override
    protected Boolean result(Void none) {
        return !guest.exists();
    }
}
