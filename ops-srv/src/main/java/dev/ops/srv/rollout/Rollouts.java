package dev.ops.srv.rollout;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.srv.haproxy.HaproxyRuntime;
import dev.ops.srv.haproxy.ServerStat;
import dev.ops.srv.rollout.internal.BlueGreenStages;
import dev.ops.srv.rollout.internal.CanaryStages;
import dev.ops.srv.rollout.internal.RollingStages;
import dev.ops.srv.rollout.internal.RolloutChange;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Rollouts of a backend behind HAProxy, each one {@link Change}: its plan lists the stages (drain,
 * update, gate, ready; or weight steps and analyses) read from the backend's state when planned,
 * applying runs them under one journal record, a failed gate rolls back everything done, and
 * {@code Applied.rollback()} undoes a finished rollout. Each yields the backend's servers afterwards.
 *
 * <pre>{@code
 * Rollouts rollouts = Rollouts.on(HaproxyRuntime.connect(Path.of("/run/haproxy/admin.sock")), ops);
 * Plan plan = rollouts.rolling(r -> r.backend("web").batchSize(2).maxUnavailable(2).update(server -> deployTo(server))).plan();
 * Applied<List<ServerStat>> done = rollouts.canary(c -> c.backend("web").server("web-3").step(25).update(server -> deployTo(server))).apply();
 * }</pre>
 */
public final class Rollouts {
    private final HaproxyRuntime haproxy;
    private final Ops ops;

    private Rollouts(HaproxyRuntime haproxy, Ops ops) {
        this.haproxy = haproxy;
        this.ops = ops;
    }

    /** Rollouts through {@code haproxy}'s runtime API, as changes of {@code ops}. */
    public static Rollouts on(HaproxyRuntime haproxy, Ops ops) {
        return new Rollouts(Objects.requireNonNull(haproxy, "haproxy"), Objects.requireNonNull(ops, "ops"));
    }

    /** A rolling update; see {@link RollingUpdate}. */
    public Change<List<ServerStat>> rolling(RollingUpdate spec) {
        return new RolloutChange(haproxy, ops, "rolling update of backend " + spec.backend(), spec.backend(),
                now -> RollingStages.of(haproxy, ops, spec, now));
    }

    /** A rolling update described by {@code spec}. */
    public Change<List<ServerStat>> rolling(Consumer<RollingUpdate.Builder> spec) {
        RollingUpdate.Builder b = RollingUpdate.builder();
        spec.accept(b);
        return rolling(b.build());
    }

    /** A blue-green switch; see {@link BlueGreen}. */
    public Change<List<ServerStat>> blueGreen(BlueGreen spec) {
        return new RolloutChange(haproxy, ops, "blue-green switch of backend " + spec.backend(), spec.backend(),
                now -> BlueGreenStages.of(haproxy, ops, spec, now));
    }

    /** A blue-green switch described by {@code spec}. */
    public Change<List<ServerStat>> blueGreen(Consumer<BlueGreen.Builder> spec) {
        BlueGreen.Builder b = BlueGreen.builder();
        spec.accept(b);
        return blueGreen(b.build());
    }

    /** A canary; see {@link Canary}. */
    public Change<List<ServerStat>> canary(Canary spec) {
        return new RolloutChange(haproxy, ops, "canary " + spec.server() + " of backend " + spec.backend(), spec.backend(),
                now -> CanaryStages.of(haproxy, ops, spec, now));
    }

    /** A canary described by {@code spec}. */
    public Change<List<ServerStat>> canary(Consumer<Canary.Builder> spec) {
        Canary.Builder b = Canary.builder();
        spec.accept(b);
        return canary(b.build());
    }
}
