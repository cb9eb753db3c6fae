package dev.ops.srv.rollout.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.change.Changes;
import dev.ops.core.change.Plan;
import dev.ops.core.error.StalePlanException;
import dev.ops.srv.haproxy.HaproxyRuntime;
import dev.ops.srv.haproxy.ServerStat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A rollout: its stages are made from the backend's servers as {@code show stat} reports them when
 * it is planned (one snapshot, so that a later stage's undo is what the earlier stage left), then
 * planned and applied as one sequence: one plan, one journal record, one rollback.
 */
public final class RolloutChange implements Change<List<ServerStat>> {
    private final HaproxyRuntime runtime;
    private final Ops ops;
    private final String description;
    private final String backend;
    private final Function<List<ServerStat>, Stages.Planned> stages;

    public RolloutChange(HaproxyRuntime runtime, Ops ops, String description, String backend,
            Function<List<ServerStat>, Stages.Planned> stages) {
        this.runtime = runtime;
        this.ops = ops;
        this.description = description;
        this.backend = backend;
        this.stages = stages;
    }

    @Override
    public String description() {
        return description;
    }

    /** The stages as one change, from the backend as it is now, with the remarks made in planning them. */
    private record Sequence(Change<List<Object>> change, List<String> notes) {}

    private Sequence stages() {
        Stages.Planned planned = stages.apply(runtime.backend(backend));
        return new Sequence(Changes.sequence(planned.stages()), planned.notes());
    }

    private Plan named(Plan p, List<String> notes) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(p.notes());
        return Plan.of(description, p.steps(), all, p.createdAt());
    }

    @Override
    public Plan plan() {
        Sequence s = stages();
        return named(s.change().plan(), s.notes());
    }

    @Override
    public Applied<List<ServerStat>> apply() {
        Sequence s = stages();
        return done(s.change().apply(), s.notes());
    }

    @Override
    public Applied<List<ServerStat>> apply(Plan reviewed) {
        if (!reviewed.change().equals(description)) {
            throw new StalePlanException(description, List.of("the plan is for '" + reviewed.change() + "', not '" + description + "'"));
        }
        Sequence now = stages();
        return done(now.change().apply(Plan.of(now.change().description(), reviewed.steps(), reviewed.notes(), reviewed.createdAt())),
                now.notes());
    }

    private Applied<List<ServerStat>> done(Applied<List<Object>> applied, List<String> notes) {
        return new Applied<>(runtime.backend(backend), named(applied.plan(), notes), applied.rollbackHandle());
    }

    @Override
    public String toString() {
        return "RolloutChange[" + description + "]";
    }
}
