package dev.ops.sto.zfs.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import dev.ops.core.retention.RetentionDecision;
import dev.ops.core.retention.RetentionItem;
import dev.ops.core.retention.RetentionPlan;
import dev.ops.core.retention.RetentionPolicy;
import dev.ops.sto.zfs.ZfsDataset;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Destroys the snapshots of a dataset that a {@link RetentionPolicy} lets go; the plan lists every
 * snapshot with the rule that keeps it or the reason it goes. Destroying cannot be undone.
 */
public final class ZfsPruneChange extends HostChange<RetentionPlan, RetentionPlan> {
    private final String dataset;
    private final RetentionPolicy policy;
    private final Clock clock;

    private ZfsPruneChange(Host host, Ops ops, String dataset, RetentionPolicy policy, Clock clock) {
        super(host, ops);
        this.dataset = dataset;
        this.policy = policy;
        this.clock = clock;
    }

    /** The change that prunes the snapshots of {@code dataset} by {@code policy}, as of {@code clock}. */
    public static Change<RetentionPlan> of(Host host, Ops ops, String dataset, RetentionPolicy policy, Clock clock) {
        return new ZfsPruneChange(host, ops, dataset, policy, clock);
    }

    @Override
    public String description() {
        return "prune zfs snapshots of " + dataset + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        ZfsNames.checkDataset(v, "dataset", dataset);
    }

    @Override
    protected Planned<RetentionPlan> planSteps() {
        ZfsHost.require(host, "dataset", dataset);
        List<RetentionItem> items = new ArrayList<>();
        java.util.Map<String, String> pins = dev.ops.sto.safety.internal.SafetyPins.of(ops);
        List<ZfsDataset> snapshots = ZfsHost.snapshots(host, dataset);
        for (int i = 0; i < snapshots.size(); i++) {
            ZfsDataset s = snapshots.get(i);
            // zfs lists a dataset's snapshots in the order it made them: that order tells apart two made in one second
            RetentionItem item = RetentionItem.of(s.name(), s.creation()).inGroup(dataset).ordered(i);
            items.add(pins.containsKey(s.name()) ? item.pinnedBy(pins.get(s.name())) : item);
        }
        RetentionPlan plan = policy.plan(items, clock.instant());
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (RetentionDecision d : plan.decisions()) {
            if (d.keeps()) {
                notes.add(d.render());
            } else {
                steps.add(Step.irreversible("destroy snapshot " + d.item().id() + " (" + d.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")",
                        ZfsAction.of(host.name(), d.item().id(), "zfs", "destroy", d.item().id())));
            }
        }
        if (!steps.isEmpty()) {
            notes.add("destroyed snapshots cannot be restored: rollback leaves them destroyed");
        }
        return new Planned<>(steps, notes, plan);
    }

    @Override
    protected RetentionPlan result(RetentionPlan context) {
        return context;
    }
}
