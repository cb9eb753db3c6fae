package dev.ops.srv.rollout.internal;

import dev.ops.core.Ops;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.Violations;
import dev.ops.srv.haproxy.HaproxyRuntime;
import dev.ops.srv.haproxy.LastHealthyServerException;
import dev.ops.srv.haproxy.ServerStat;
import dev.ops.srv.rollout.RollingUpdate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A rolling update's stages: per batch, drain, wait for sessions to end, update, gate on health, ready. */
public final class RollingStages {
    private RollingStages() {}

    /** The stages of {@code spec} for the backend as {@code now} reports it; refuses what would take the backend down. */
    public static Stages.Planned of(HaproxyRuntime runtime, Ops ops, RollingUpdate spec, List<ServerStat> now) {
        String backend = spec.backend();
        Snapshot snap = new Snapshot(backend, now);
        List<String> servers = spec.servers().isEmpty() ? snap.names() : spec.servers();
        Violations v = Violations.of("rolling update of backend " + backend);
        snap.checkKnown(v, "servers", servers);
        v.throwIfAny();
        long out = snap.names().size() - snap.takingTraffic();
        long room = spec.maxUnavailable() - out;
        if (room < 1) {
            throw new ConflictException("backend " + backend, out + " of " + snap.names().size() + " servers are out of traffic already and"
                    + " maxUnavailable is " + spec.maxUnavailable() + ": no room to take one more out", true);
        }
        int batch = (int) Math.min(spec.batchSize(), room);
        int batches = (servers.size() + batch - 1) / batch;
        Stages stages = new Stages(runtime, ops, backend);
        if (batch < spec.batchSize()) {
            stages.note("batches of " + batch + ", not " + spec.batchSize() + ": " + out + " server(s) out of traffic already and"
                    + " maxUnavailable is " + spec.maxUnavailable());
        }
        servers.stream().filter(s -> snap.get(s).adminState().equals("maint"))
                .forEach(s -> stages.note(s + " is in maintenance: it is updated, gated on its own checks only, and left in maintenance"));
        spec.persistTo().ifPresent(c -> stages.note("a rolling update ends where it began: nothing is written to " + c.path()));
        for (int b = 0; b < batches; b++) {
            List<String> these = servers.subList(b * batch, Math.min(servers.size(), (b + 1) * batch));
            String label = "batch " + (b + 1) + "/" + batches + " (" + String.join(", ", these) + ")";
            if (snap.takingTraffic() - snap.takingTraffic(these) < 1) {
                throw new LastHealthyServerException(backend, these.get(0), "drain (with " + String.join(", ", these) + ")");
            }
            Map<String, String> ready = snap.inState(these, "ready");
            stages.states(label, ready, "drain");
            if (!ready.isEmpty()) {
                stages.gate(label, new DrainedGate(runtime, backend, List.copyOf(ready.keySet()), spec.drainTimeout()));
            }
            stages.updates(these, spec.update());
            List<String> checked = these.stream().filter(s -> !snap.get(s).adminState().equals("maint")).toList();
            if (!checked.isEmpty()) {
                stages.healthy(label, checked, spec.checks(), spec.gateTimeout());
            }
            Map<String, String> drained = new LinkedHashMap<>();
            ready.keySet().forEach(s -> drained.put(s, "drain"));
            stages.states(label, drained, "ready");
        }
        return stages.list();
    }
}
