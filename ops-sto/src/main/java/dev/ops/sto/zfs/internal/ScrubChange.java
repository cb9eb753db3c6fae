package dev.ops.sto.zfs.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import dev.ops.sto.zfs.ScrubStatus;
import dev.ops.sto.zfs.ZfsPool;
import java.util.List;

/** Starts a scrub of a pool (nothing when one is running); rollback stops it. */
public final class ScrubChange extends HostChange<ZfsPool, Void> {
    private final String pool;

    private ScrubChange(Host host, Ops ops, String pool) {
        super(host, ops);
        this.pool = pool;
    }

    /** {@code zpool scrub pool}. */
    public static Change<ZfsPool> of(Host host, Ops ops, String pool) {
        return new ScrubChange(host, ops, pool);
    }

    @Override
    public String description() {
        return "zpool scrub " + pool + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        ZfsNames.checkPool(v, "pool", pool);
    }

    @Override
    protected Planned<Void> planSteps() {
        ZfsPool p = ZfsHost.pool(host, pool).orElseThrow(() -> new dev.ops.sto.VolumeNotFoundException(host.name(), "pool", pool));
        if (p.scrub().state() == ScrubStatus.State.RUNNING) {
            return Planned.none(null);
        }
        return Planned.of(List.of(Step.of("start a scrub of " + pool + " (health " + p.health() + ")",
                ZfsAction.of(host.name(), pool, "zpool", "scrub", pool),
                new ZfsAction(host.name(), List.of("sh", "-c", "zpool scrub -s \"$1\" 2>/dev/null; exit 0", "sh", pool), pool, true))));
    }

    @Override
    protected ZfsPool result(Void context) {
        return ZfsHost.pool(host, pool).orElseThrow();
    }
}
