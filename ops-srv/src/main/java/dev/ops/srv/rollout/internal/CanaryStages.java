package dev.ops.srv.rollout.internal;

import dev.ops.core.Ops;
import dev.ops.core.error.Violations;
import dev.ops.srv.haproxy.HaproxyRuntime;
import dev.ops.srv.haproxy.LastHealthyServerException;
import dev.ops.srv.haproxy.ServerStat;
import dev.ops.srv.rollout.Canary;
import java.util.List;
import java.util.Map;

/** A canary's stages: weight 0, update, health gate, then each weight step followed by its analysis. */
public final class CanaryStages {
    private CanaryStages() {}

    /** Why a maximum weight that is not a multiple of the step is refused. */
    public static String notAMultiple(int max, int step) {
        return "maximum weight " + max + " is not a multiple of step " + step + ": the steps would stop at " + max / step * step
                + " and never reach full promotion (use a step that divides " + max + ")";
    }

    /** The stages of {@code spec} for the backend as {@code now} reports it. */
    public static Stages.Planned of(HaproxyRuntime runtime, Ops ops, Canary spec, List<ServerStat> now) {
        String backend = spec.backend();
        String server = spec.server();
        Snapshot snap = new Snapshot(backend, now);
        Violations v = Violations.of("canary " + server + " of backend " + backend);
        snap.checkKnown(v, "server", List.of(server));
        v.throwIfAny();
        ServerStat canary = snap.get(server);
        List<String> others = snap.names().stream().filter(s -> !s.equals(server)).toList();
        if (snap.takingTraffic(others) < 1) {
            throw new LastHealthyServerException(backend, server, "take the canary out of rotation (weight 0) while it is the only server"
                    + " taking traffic:");
        }
        int max = spec.maxWeight().orElse(canary.weight() > 0 ? canary.weight()
                : others.stream().mapToInt(s -> snap.get(s).weight()).max().orElse(0));
        v.check(max >= 1, "maxWeight", "no weight to promote to: the canary and every other server have weight 0");
        if (max >= 1) {
            v.check(max % spec.step() == 0, "maxWeight", notAMultiple(max, spec.step()) + " (the maximum weight is the canary's weight, "
                    + max + ", unless set)");
            v.check(spec.step() <= max, "step", "step " + spec.step() + " exceeds the maximum weight " + max);
        }
        v.throwIfAny();
        Stages stages = new Stages(runtime, ops, backend);
        if (spec.maxWeight().isEmpty()) {
            stages.note("full promotion is weight " + max + (canary.weight() > 0 ? ", the canary's weight now"
                    : ", the highest weight of the other servers (the canary has weight 0 now)"));
        }
        stages.weight("canary out of rotation", server, canary.weight(), 0);
        stages.states("canary out of rotation", canary.adminState().equals("ready") ? Map.of()
                : Map.of(server, canary.adminState()), "ready");
        stages.updates(List.of(server), spec.update());
        stages.healthy("canary", List.of(server), spec.checks(), spec.gateTimeout());
        int steps = max / spec.step();
        int previous = 0;
        for (int k = 1; k <= steps; k++) {
            int w = k * spec.step();
            String label = "step " + k + "/" + steps;
            stages.weight(label, server, previous, w);
            stages.gate(label, new AnalysisGate(runtime, backend, server, spec.checks().apply(server), spec.pause(), spec.maxErrorRate(),
                    spec.minRequests()));
            previous = w;
        }
        int promoted = max;
        spec.persistTo().ifPresent(config -> stages.persist(config.server(backend, server).weight(promoted)));
        return stages.list();
    }
}
