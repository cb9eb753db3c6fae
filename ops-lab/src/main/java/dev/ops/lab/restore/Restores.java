package dev.ops.lab.restore;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Changes;
import dev.ops.core.error.Violations;
import dev.ops.lab.Lab;
import dev.ops.lab.catalog.ReplicationTask;
import dev.ops.lab.catalog.ResourceRecord;
import dev.ops.lab.catalog.TargetResult;
import dev.ops.lab.replicate.internal.GuestNames;
import dev.ops.lab.replicate.internal.Identity;
import dev.ops.lab.replicate.internal.IdentityChain;
import dev.ops.lab.replicate.internal.TaskChain;
import dev.ops.lab.site.Site;
import dev.ops.pve.PveChanges;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestType;
import dev.ops.lab.restore.internal.Archives;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Restores backups under a new identity: the guest restored on the node named, with a VMID, a name
 * under the site's convention, the next free address of that node's range and a fresh MAC from the
 * same allocators replication uses; its name and network set in its config (cloud-init
 * {@code ipconfig0} for VMs); verified and recorded in the catalog with the archive as its origin,
 * under a task (the task view's source is the archive's VMID). One change, one rollback.
 *
 * <pre>{@code
 * Applied<ReplicationTask> done = lab.restores(ops).restore(r -> r.archive(volid).node("pve3")).apply();
 * }</pre>
 */
public final class Restores {
    private final Site site;
    private final PveClient client;
    private final Ops ops;

    private Restores(Site site, PveClient client, Ops ops) {
        this.site = site;
        this.client = client;
        this.ops = ops;
    }

    /** Restores for {@code lab}'s site and cluster, journaled in {@code ops}. */
    public static Restores on(Lab lab, Ops ops) {
        return new Restores(lab.site(), lab.client(), Objects.requireNonNull(ops, "ops"));
    }

    /** Restores as {@code edit} says. */
    public Change<ReplicationTask> restore(Consumer<RestoreBackupRequest.Builder> edit) {
        RestoreBackupRequest.Builder b = RestoreBackupRequest.builder();
        edit.accept(b);
        return restore(b.build());
    }

    /** The restore of {@code request}; a {@link dev.ops.core.error.ValidationException} when its node is not the site's. */
    public Change<ReplicationTask> restore(RestoreBackupRequest request) {
        Violations v = Violations.of("restore request");
        v.check(site.node(request.node()).isPresent(), "node", "'" + request.node() + "' is not a node of the site ("
                + String.join(", ", site.nodeNames()) + ")");
        v.throwIfAny();
        int origin = Archives.vmidOf(request.archive());
        ReplicationTask task = new ReplicationTask(request.taskId(), request.archive(), origin, "running",
                List.of(TargetResult.pending(request.node())), ops.clock().instant().toString());
        IdentityChain identities = new IdentityChain(site, client, ops, request.taskId());
        List<String> names = GuestNames.on(client, request.node());
        String kind = request.container() ? "container" : "vm";
        return TaskChain.around(client, ops, task, "open restore task " + request.taskId() + " for " + request.archive() + " on "
                + request.node(), List.of(() -> identities.on(request.node(), request.container(), kind, names,
                        id -> restored(id, request, identities, origin, kind))));
    }

    private Change<ResourceRecord> restored(Identity id, RestoreBackupRequest request, IdentityChain identities, int origin, String kind) {
        PveChanges pve = client.changes(ops);
        GuestType type = request.container() ? GuestType.LXC : GuestType.QEMU;
        Guest guest = client.node(id.node()).guest(type, id.vmid());
        Change<Guest> restore = pve.restore(client.node(id.node()), type, r -> r.archive(request.archive()).vmid(id.vmid())
                .storage(site.storage(site.replication().storage())).unique(true));
        Change<ResourceRecord> recorded = identities.record(new ResourceRecord(id.vmid(), id.name(), id.node(), kind, false, "", origin,
                request.archive(), false, id.ip(), id.gateway(), id.mac().toString(), identities.compliant(id.name()), request.taskId(),
                "", identities.now()));
        return Changes.then(restore, g -> Changes.then(pve.updateConfig(guest, u -> {
            if (request.container()) {
                u.set("hostname", id.name()).set("net0", "name=eth0,bridge=vmbr0,hwaddr=" + id.mac() + "," + id.ipConfig());
            } else {
                u.set("name", id.name()).set("net0", "virtio=" + id.mac() + ",bridge=vmbr0").set("ipconfig0", id.ipConfig());
            }
        }), cfg -> recorded));
    }
}
