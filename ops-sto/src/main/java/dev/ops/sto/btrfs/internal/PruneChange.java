package dev.ops.sto.btrfs.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.core.retention.RetentionDecision;
import dev.ops.core.retention.RetentionItem;
import dev.ops.core.retention.RetentionPlan;
import dev.ops.core.retention.RetentionPolicy;
import dev.ops.sto.btrfs.Subvolume;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes the read-only snapshots of a subvolume that a {@link RetentionPolicy} lets go; the plan
 * lists every snapshot with the rule that keeps it or the reason it goes. Deleting cannot be undone.
 */
public final class PruneChange extends HostChange<RetentionPlan, RetentionPlan> {
    private final String source;
    private final RetentionPolicy policy;
    private final Clock clock;

    private PruneChange(Host host, Ops ops, String source, RetentionPolicy policy, Clock clock) {
        super(host, ops);
        this.source = source;
        this.policy = policy;
        this.clock = clock;
    }

    /** The change that prunes the read-only snapshots of {@code source} by {@code policy}, as of {@code clock}. */
    public static Change<RetentionPlan> of(Host host, Ops ops, String source, RetentionPolicy policy, Clock clock) {
        return new PruneChange(host, ops, source, policy, clock);
    }

    @Override
    public String description() {
        return "prune btrfs snapshots of " + BtrfsHost.printable(source) + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        BtrfsHost.checkPath(v, "source", source);
    }

    /** The read-only snapshots of {@code source}, each with its absolute path and creation time, as retention items. */
    static List<RetentionItem> snapshots(Host host, String source) {
        Subvolume src = BtrfsHost.require(host, "source", source).subvolume();
        BtrfsHost.Mount mount = BtrfsHost.mount(host, source);
        List<RetentionItem> items = new ArrayList<>();
        for (Subvolume s : BtrfsHost.list(host, source)) {
            if (!s.readOnly() || !s.parentUuid().equals(src.uuid())) {
                continue;
            }
            mount.absolute(s.path()).ifPresent(abs -> BtrfsHost.show(host, "snapshot", abs).flatMap(BtrfsParsers.Shown::created)
                    // subvolume ids grow as subvolumes are made: they tell apart two snapshots made in one second
                    .ifPresent(created -> items.add(RetentionItem.of(abs, created.toInstant()).inGroup(source).ordered(s.id()))));
        }
        return items;
    }

    @Override
    protected Planned<RetentionPlan> planSteps() {
        java.util.Map<String, String> pins = dev.ops.sto.safety.internal.SafetyPins.of(ops);
        List<RetentionItem> items = snapshots(host, source).stream()
                .map(i -> pins.containsKey(i.id()) ? i.pinnedBy(pins.get(i.id())) : i).toList();
        RetentionPlan plan = policy.plan(items, clock.instant());
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (RetentionDecision d : plan.decisions()) {
            if (d.keeps()) {
                notes.add(BtrfsHost.printable(d.render()));
            } else {
                steps.add(Step.irreversible("delete snapshot " + BtrfsHost.printable(d.item().id()) + " (" + d.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")",
                        CommandAction.of(host.name(), Command.of("btrfs", "subvolume", "delete", d.item().id()).asRoot())));
            }
        }
        if (!steps.isEmpty()) {
            notes.add("deleted snapshots cannot be restored: rollback leaves them deleted");
        }
        return new Planned<>(steps, notes, plan);
    }

    @Override
    protected RetentionPlan result(RetentionPlan context) {
        return context;
    }
}
