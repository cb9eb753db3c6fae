package dev.ops.pve.ha.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.NotFoundException;
import dev.ops.pve.PveClient;
import dev.ops.pve.change.internal.PveChange;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.ha.Ha;
import dev.ops.pve.ha.HaRequest;
import dev.ops.pve.ha.HaResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Makes an existing guest HA-managed; the undo removes it from HA. No steps when it is HA-managed already. */
final class HaAddChange extends PveChange<HaResource, Void> {
    private final Guest guest;
    private final HaRequest request;
    private final String sid;

    HaAddChange(Ops ops, PveClient client, Guest guest, HaRequest request) {
        super(ops, client);
        this.guest = guest;
        this.request = request;
        this.sid = Ha.sid(guest.type(), guest.vmid());
    }

    @Override
    protected String what() {
        return "add " + sid + " to HA";
    }

    @Override
    protected Planned<Void> planSteps() {
        if (client.ha().get(sid).isPresent()) {
            return Planned.none(null);
        }
        guest.config(); // a guest that does not exist fails here, with a not-found error
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sid", sid);
        p.put("state", request.state());
        request.group().ifPresent(g -> p.put("group", g));
        request.comment().ifPresent(c -> p.put("comment", c));
        return Planned.of(List.of(Step.of("add " + sid + " to HA", call("POST", "/cluster/ha/resources", p),
                call("DELETE", "/cluster/ha/resources/{sid}", Map.of("sid", sid)))));
    }

    @Override
    protected HaResource result(Void none) {
        return client.ha().get(sid).orElseThrow(() -> new NotFoundException("HA resource " + sid, "not found after apply"));
    }
}
