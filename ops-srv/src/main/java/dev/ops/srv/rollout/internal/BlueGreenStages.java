package dev.ops.srv.rollout.internal;

import dev.ops.core.Ops;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.Violations;
import dev.ops.srv.haproxy.HaproxyRuntime;
import dev.ops.srv.haproxy.ServerStat;
import dev.ops.srv.rollout.BlueGreen;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A blue-green switch's stages: the idle side out of maintenance (drained, so that HAProxy checks
 * it), updated, gated on health, then ready, and only then the live side drained (kept, for rollback).
 */
public final class BlueGreenStages {
    private BlueGreenStages() {}

    /** The stages of {@code spec} for the backend as {@code now} reports it. */
    public static Stages.Planned of(HaproxyRuntime runtime, Ops ops, BlueGreen spec, List<ServerStat> now) {
        String backend = spec.backend();
        Snapshot snap = new Snapshot(backend, now);
        Violations v = Violations.of("blue-green switch of backend " + backend);
        snap.checkKnown(v, "blue", spec.blue());
        snap.checkKnown(v, "green", spec.green());
        v.throwIfAny();
        boolean blueLive = snap.takingTraffic(spec.blue()) > 0;
        boolean greenLive = snap.takingTraffic(spec.green()) > 0;
        if (blueLive == greenLive) {
            throw new ConflictException("backend " + backend, (blueLive ? "both sides take traffic" : "neither side takes traffic")
                    + ": a switch needs one live side and one idle side", false);
        }
        List<String> live = blueLive ? spec.blue() : spec.green();
        List<String> idle = blueLive ? spec.green() : spec.blue();
        String idleName = blueLive ? "green" : "blue";
        Stages stages = new Stages(runtime, ops, backend);
        stages.states(idleName + " (idle) out of maintenance", snap.inState(idle, "maint"), "drain");
        stages.updates(idle, spec.update());
        stages.healthy(idleName + " (idle)", idle, spec.checks(), spec.gateTimeout());
        Map<String, String> idleNow = new LinkedHashMap<>();
        idle.forEach(s -> idleNow.put(s, snap.get(s).adminState().equals("maint") ? "drain" : snap.get(s).adminState()));
        stages.states("switch to " + idleName, idleNow, "ready");
        stages.states("switch to " + idleName, snap.inState(live, "ready"), "drain");
        spec.persistTo().ifPresent(config -> stages.persist(config.states(backend, idle, live)));
        return stages.list();
    }
}
