package dev.ops.pve.guest.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.Violations;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestType;
import dev.ops.pve.guest.Snapshot;
import dev.ops.pve.guest.SnapshotRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Takes a snapshot of an existing guest; the undo deletes it. No steps when it exists. */
final class SnapshotChange extends GuestChange<Snapshot, Void> {
    private final SnapshotRequest request;

    SnapshotChange(Ops ops, PveClient client, Guest guest, SnapshotRequest request) {
        super(ops, client, guest);
        this.request = request;
    }

    @Override
    protected String what() {
        return "snapshot " + request.name() + " of " + guest;
    }

    @Override
    protected void validate(Violations v) {
        v.check(!request.vmstate() || guest.type() == GuestType.QEMU, "vmstate", "applies to VMs only");
    }

    @Override
    protected Planned<Void> planSteps() {
        if (guest.snapshots().get(request.name()).isPresent()) {
            return Planned.none(null);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("snapname", request.name());
        request.description().filter(d -> !d.isEmpty()).ifPresent(d -> p.put("description", d));
        if (request.vmstate()) {
            p.put("vmstate", true);
        }
        return Planned.of(List.of(Step.of("take snapshot " + request.name() + " of " + guest, task("POST", template("/snapshot"), params(p)),
                task("DELETE", template("/snapshot/{snapname}"), params(Map.of("snapname", request.name()))))));
    }

    @Override
    protected Snapshot result(Void none) {
        return guest.snapshots().get(request.name())
                .orElseThrow(() -> new NotFoundException("snapshot " + request.name(), "not found after apply"));
    }
}
