package dev.ops.pve.guest.internal;

import dev.ops.core.Ops;
import dev.ops.pve.internal.Wire;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.Violations;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.MigrateRequest;
import dev.ops.pve.internal.GuestPaths;
import java.util.List;

/** Migrates a guest to another node; the undo migrates it back. No steps when it is on the target already. */
final class MigrateChange extends GuestChange<Guest, Void> {
    private final MigrateRequest request;
    private final Guest moved;

    MigrateChange(Ops ops, PveClient client, Guest guest, MigrateRequest request) {
        super(ops, client, guest);
        this.request = request;
        this.moved = client.node(request.targetNode()).guest(guest.type(), guest.vmid());
    }

    @Override
    protected String what() {
        return "migrate " + guest + " to " + request.targetNode();
    }

    @Override
    protected void validate(Violations v) {
        v.check(!request.targetNode().equals(guest.node()), "targetNode", "is the node the guest is on");
    }

    @Override
    protected Planned<Void> planSteps() {
        boolean here = guest.findConfig().isPresent();
        if (!here && moved.findConfig().isPresent()) {
            return Planned.none(null);
        }
        if (!here) {
            throw new NotFoundException(guest.toString(), "does not exist, so it cannot be migrated");
        }
        MigrateRequest back = request.toBuilder().targetNode(guest.node()).build();
        return Planned.of(List.of(Step.of("migrate " + guest + " to " + request.targetNode(),
                heavyTask("POST", template("/migrate"), params(Wire.migrate(request, guest.type()))),
                heavyTask("POST", GuestPaths.template(moved, "/migrate"), GuestPaths.params(moved, Wire.migrate(back, guest.type()))))));
    }

    @Override
    protected Guest result(Void none) {
        return moved;
    }
}
