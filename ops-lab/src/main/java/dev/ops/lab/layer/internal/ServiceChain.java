package dev.ops.lab.layer.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Changes;
import dev.ops.core.host.Host;
import dev.ops.lab.site.SiteService;
import dev.ops.srv.unit.Service;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.Map;

/**
 * Layer L4 as one chain: per site service, its unit enabled and started on its host, then its health
 * gate; before the first service that changes something on a host, that host's safety snapshot when
 * it has one.
 */
public final class ServiceChain {
    private final Ops ops;

    public ServiceChain(Ops ops) {
        this.ops = ops;
    }

    /**
     * The layer over {@code services}, each with the host it runs on; {@code snapshot} gives the safety
     * snapshot to take of a host (by its site name) before its configuration changes, empty for none.
     */
    public Change<List<Object>> build(Map<SiteService, Host> services, Function<String, Optional<Change<?>>> snapshot) {
        List<Change<?>> members = new ArrayList<>();
        Set<String> snapshotted = new HashSet<>();
        services.forEach((s, host) -> {
            Service.UnitHandle unit = Service.on(host, ops).unit(s.unit());
            Change<?> enable = unit.enable();
            Change<?> start = unit.start();
            boolean changes = !enable.plan().steps().isEmpty() || !start.plan().steps().isEmpty();
            if (!snapshotted.contains(s.host()) && changes) {
                snapshot.apply(s.host()).ifPresent(c -> {
                    members.add(c);
                    snapshotted.add(s.host());
                });
            }
            members.add(enable);
            members.add(start);
            // A service already enabled and running plans nothing (idempotent): its gate runs when something changed.
            if (changes) {
                members.add(new GateChange(ops, host, "health gate: " + s.name() + " on " + s.host(),
                        new HealthGateAction(host.name(), s.unit(), s.health())));
            }
        });
        return Changes.sequence(members);
    }
}
