package dev.ops.pbs.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.Violations;
import dev.ops.core.retention.RetentionDecision;
import dev.ops.core.retention.RetentionItem;
import dev.ops.core.retention.RetentionPlan;
import dev.ops.core.retention.RetentionPolicy;
import dev.ops.pbs.BackupType;
import dev.ops.pbs.Namespace;
import dev.ops.pbs.PbsClient;
import dev.ops.pbs.Snapshot;
import dev.ops.pbs.SnapshotRef;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Prunes one backup group, planned locally with the core retention engine in the PBS host's time
 * zone; apply deletes exactly the snapshots the plan lists (each an irreversible step), and the
 * plan's notes name the rule that keeps each survivor.
 */
final class PruneChange extends PbsChange<RetentionPlan, RetentionPlan> {
    private final String store;
    private final Namespace ns;
    private final BackupType type;
    private final String id;
    private final Consumer<RetentionPolicy.Builder> policy;

    PruneChange(Ops ops, PbsClient pbs, String store, Namespace ns, BackupType type, String id, Consumer<RetentionPolicy.Builder> policy) {
        super(ops, pbs);
        this.store = store;
        this.ns = ns;
        this.type = type;
        this.id = id;
        this.policy = policy;
    }

    @Override
    protected String what() {
        return "prune " + (type == null ? "?" : type.wire()) + "/" + id + " in " + store + (ns == null || ns.isRoot() ? "" : " ns " + ns);
    }

    @Override
    protected void validate(Violations v) {
        PbsParams.checkGroup(v, store, ns, type, id);
        v.check(policy != null, "policy", "must be given");
    }

    /** The policy in {@code zone}; an age or count limit, which PBS's prune has not, is refused. */
    RetentionPolicy policyIn(ZoneId zone) {
        RetentionPolicy.Builder b = RetentionPolicy.builder();
        policy.accept(b);
        b.zone(zone);
        RetentionPolicy p = b.build();
        Violations v = Violations.of("PBS prune");
        v.check(p.maxAgeDays().isEmpty(), "maxAgeDays", "PBS prune has no age limit; use the keep options");
        v.check(p.maxSnapshotsPerGroup().isEmpty(), "maxSnapshotsPerGroup", "PBS prune has no count limit; use keepLast");
        v.check(p.minimumAge().isZero(), "minimumAge", "PBS prune has no minimum age");
        v.throwIfAny();
        return p;
    }

    @Override
    protected Planned<RetentionPlan> planSteps() {
        ZoneId zone = pbs.timeZone();
        RetentionPolicy p = policyIn(zone);
        List<Snapshot> snapshots = pbs.datastore(store).snapshots(ns, type, id);
        List<RetentionItem> items = new ArrayList<>();
        for (Snapshot s : snapshots) {
            RetentionItem item = RetentionItem.of(s.ref().path(), s.time()).inGroup(s.ref().group());
            if (s.isProtected()) {
                item = item.protect();
            }
            if (s.inProgress()) {
                item = item.unfinished();
            }
            items.add(item);
        }
        RetentionPlan plan = p.plan(items, ops.clock().instant());
        List<Step> steps = new ArrayList<>();
        for (RetentionItem gone : plan.removed()) {
            SnapshotRef ref = SnapshotRef.parse(gone.id());
            Map<String, Object> params = PbsParams.snapshot(store, ns, ref);
            steps.add(Step.irreversible("remove snapshot " + ref + " from " + store + (ns.isRoot() ? "" : " ns " + ns)
                    + " (no rule keeps it)", call("DELETE", "/admin/datastore/{store}/snapshots", params)));
        }
        List<String> notes = new ArrayList<>();
        notes.add("buckets in the PBS host's time zone " + zone);
        for (RetentionDecision kept : plan.kept()) {
            notes.add(kept.render());
        }
        return new Planned<>(steps, notes, Objects.requireNonNull(plan));
    }

    @Override
    protected RetentionPlan result(RetentionPlan plan) {
        return plan;
    }
}
