package dev.ops.pve.ha.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.pve.PveClient;
import dev.ops.pve.change.internal.PveChange;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.ha.Ha;
import dev.ops.pve.ha.HaResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Removes a guest from HA; the undo adds it back with its previous state, group, comment and restart/relocate policy. */
final class HaRemoveChange extends PveChange<Boolean, Void> {
    private final String sid;

    HaRemoveChange(Ops ops, PveClient client, Guest guest) {
        super(ops, client);
        this.sid = Ha.sid(guest.type(), guest.vmid());
    }

    @Override
    protected String what() {
        return "remove " + sid + " from HA";
    }

    @Override
    protected Planned<Void> planSteps() {
        Optional<HaResource> r = client.ha().get(sid);
        if (r.isEmpty()) {
            return Planned.none(null);
        }
        Map<String, Object> back = new LinkedHashMap<>();
        back.put("sid", sid);
        back.put("state", r.get().state());
        r.get().group().ifPresent(x -> back.put("group", x));
        r.get().comment().ifPresent(x -> back.put("comment", x));
        r.get().maxRestart().ifPresent(x -> back.put("max_restart", x));
        r.get().maxRelocate().ifPresent(x -> back.put("max_relocate", x));
        // failback defaults to on: restore it only when Proxmox listed it.
        r.get().field("failback").ifPresent(x -> back.put("failback", x.equals("1")));
        return Planned.of(List.of(Step.of("remove " + sid + " from HA", call("DELETE", "/cluster/ha/resources/{sid}", Map.of("sid", sid)),
                call("POST", "/cluster/ha/resources", back))));
    }

    @Override
    protected Boolean result(Void none) {
        return client.ha().get(sid).isEmpty();
    }
}
