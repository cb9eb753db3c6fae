package dev.ops.lab.replicate;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Changes;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.Violations;
import dev.ops.lab.Lab;
import dev.ops.lab.catalog.Catalog;
import dev.ops.lab.catalog.ReplicationTask;
import dev.ops.lab.catalog.TargetResult;
import dev.ops.lab.replicate.internal.GuestNames;
import dev.ops.lab.replicate.internal.ReplicaChain;
import dev.ops.lab.replicate.internal.ReplicaSource;
import dev.ops.lab.replicate.internal.TaskChain;
import dev.ops.lab.site.Site;
import dev.ops.lab.site.SiteTemplate;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Replicates templates and guests across the site's nodes. Each request is one change: the
 * replication task opened in the catalog, then per target node a VMID, a name under the site's
 * convention, the next free address of the node's range and a fresh {@code 02:00:00} MAC, taken
 * from the shared allocators; the clone with its network set (cloud-init {@code ipconfig0} and
 * {@code net0} for VMs, {@code net0} for containers); the clone verified and recorded with its
 * origin; the task closed. One plan, one journal record, one rollback that removes every replica,
 * allocation and catalog record it made.
 *
 * <pre>{@code
 * Applied<ReplicationTask> done = lab.replication(ops).replicate(r -> r.vmid(9000)).apply();
 * done.value().target("pve2").name();   // pve-pve2-tpl-01
 * done.rollback();
 * }</pre>
 */
public final class Replication {
    private final Site site;
    private final PveClient client;
    private final Ops ops;

    private Replication(Site site, PveClient client, Ops ops) {
        this.site = site;
        this.client = client;
        this.ops = ops;
    }

    /** Replication for {@code lab}'s site and cluster, journaled in {@code ops}. */
    public static Replication on(Lab lab, Ops ops) {
        return new Replication(lab.site(), lab.client(), Objects.requireNonNull(ops, "ops"));
    }

    /** Replicates as {@code edit} says. */
    public Change<ReplicationTask> replicate(Consumer<ReplicateRequest.Builder> edit) {
        ReplicateRequest.Builder b = ReplicateRequest.builder();
        edit.accept(b);
        return replicate(b.build());
    }

    /**
     * The replication of {@code request}; reads the source and the target nodes' guests now, takes
     * nothing until apply. A {@link NotFoundException} when the source does not exist, a
     * {@link dev.ops.core.error.ValidationException} when a target is not a node of the site or is
     * the source's own node, or when no target is named and the site's rules give none.
     */
    public Change<ReplicationTask> replicate(ReplicateRequest request) {
        ReplicaSource source = source(request.vmid());
        List<String> targets = targets(request, source);
        String taskId = request.taskId();
        ReplicationTask task = new ReplicationTask(taskId, source.node(), source.vmid(), "running",
                targets.stream().map(TargetResult::pending).toList(), ops.clock().instant().toString());
        ReplicaChain chain = new ReplicaChain(site, client, ops, source, taskId);
        List<Supplier<Change<?>>> parts = new ArrayList<>();
        for (String node : targets) {
            List<String> names = GuestNames.on(client, node);
            parts.add(() -> chain.on(node, names));
        }
        return TaskChain.around(client, ops, task, "open replication task " + taskId + " for " + source.node() + "/" + source.vmid()
                + " to " + String.join(", ", targets), parts);
    }

    /**
     * What the site's rules say is missing: every template of the site on the primary node that has
     * no replica recorded on some other node, as one request per template naming those nodes.
     */
    public List<ReplicateRequest> missing() {
        Catalog catalog = Catalog.of(site, ops);
        List<ReplicateRequest> out = new ArrayList<>();
        for (SiteTemplate t : site.templates()) {
            if (!replicatesEverywhere(t.node())) {
                continue;
            }
            List<String> have = catalog.replicatedNodes(t.vmid());
            List<String> lacking = site.nodeNames().stream().filter(n -> !n.equals(t.node()) && !have.contains(n)).toList();
            if (!lacking.isEmpty()) {
                out.add(ReplicateRequest.builder().vmid(t.vmid()).targets(lacking).build());
            }
        }
        return out;
    }

    /**
     * The replications {@link #missing()} lists, chained as one change (one journal record, one
     * rollback) that yields the last one's task; empty when nothing is missing.
     */
    public Optional<Change<ReplicationTask>> reconcile() {
        Change<ReplicationTask> all = null;
        for (ReplicateRequest r : missing()) {
            Change<ReplicationTask> next = replicate(r);
            all = all == null ? next : Changes.then(all, done -> next);
        }
        return Optional.ofNullable(all);
    }

    /** The seed's rules: the primary node's resources go everywhere (unless turned off); others when the site replicates cluster-wide. */
    private boolean replicatesEverywhere(String node) {
        return node.equals(site.primaryNode()) ? site.replication().fromPrimary() : site.replication().clusterWide();
    }

    private ReplicaSource source(int vmid) {
        Guest guest = client.findGuest(vmid).orElseThrow(() -> new NotFoundException("guest " + vmid, "not in the cluster"));
        return ReplicaSource.read(guest, site.templates().stream().filter(t -> t.vmid() == vmid).map(SiteTemplate::name).findFirst().orElse(""));
    }

    private List<String> targets(ReplicateRequest request, ReplicaSource source) {
        Violations v = Violations.of("replicate request");
        List<String> targets = request.targets();
        if (targets.isEmpty()) {
            v.check(replicatesEverywhere(source.node()), "targets", source.node().equals(site.primaryNode())
                    ? "the site does not replicate from the primary node by itself (auto_replicate_from_primary: false): name the targets"
                    : "the source is on " + source.node() + ", not the primary node " + site.primaryNode()
                            + ", and the site does not replicate cluster-wide: name the targets");
            targets = site.nodeNames().stream().filter(n -> !n.equals(source.node())).toList();
        }
        for (String t : targets) {
            v.check(site.node(t).isPresent(), "targets", "'" + t + "' is not a node of the site (" + String.join(", ", site.nodeNames()) + ")");
            v.check(!t.equals(source.node()), "targets", "'" + t + "' is the source's own node");
        }
        v.check(!targets.isEmpty(), "targets", "no node to replicate to");
        v.throwIfAny();
        return targets;
    }
}
