package dev.ops.pve.backup.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.pve.PveClient;
import dev.ops.pve.backup.BackupRequest;
import dev.ops.pve.change.internal.PveChange;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.internal.Wire;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Backs an existing guest up with vzdump. The backup volume stays on rollback (the step cannot be undone). */
final class BackupChange extends PveChange<Boolean, Void> {
    private final Guest guest;
    private final BackupRequest request;

    BackupChange(Ops ops, PveClient client, Guest guest, BackupRequest request) {
        super(ops, client);
        this.guest = guest;
        this.request = request;
    }

    @Override
    protected String what() {
        return "back up " + guest;
    }

    @Override
    protected Planned<Void> planSteps() {
        guest.config(); // a guest that does not exist fails here, with a not-found error
        Map<String, Object> p = new LinkedHashMap<>(Wire.backup(request));
        p.put("node", guest.node());
        p.put("vmid", String.valueOf(guest.vmid()));
        return Planned.of(List.of(Step.irreversible("vzdump " + guest, heavyTask("POST", "/nodes/{node}/vzdump", p))));
    }

    @Override
    protected Boolean result(Void none) {
        return true;
    }
}
