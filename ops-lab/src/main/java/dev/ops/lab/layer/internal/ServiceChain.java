package dev.ops.lab.layer.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Changes;
import dev.ops.core.host.Host;
import dev.ops.lab.site.SiteService;
import dev.ops.srv.unit.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Layer L4 as one chain: per site service, its unit enabled and started on its host, then its health gate. */
public final class ServiceChain {
    private final Ops ops;

    public ServiceChain(Ops ops) {
        this.ops = ops;
    }

    /** The layer over {@code services}, each with the host it runs on. */
    public Change<List<Object>> build(Map<SiteService, Host> services) {
        List<Change<?>> members = new ArrayList<>();
        services.forEach((s, host) -> {
            Service.UnitHandle unit = Service.on(host, ops).unit(s.unit());
            members.add(unit.enable());
            members.add(unit.start());
            members.add(new GateChange(ops, host, "health gate: " + s.name() + " on " + s.host(),
                    new HealthGateAction(host.name(), s.unit(), s.health())));
        });
        return Changes.sequence(members);
    }
}
