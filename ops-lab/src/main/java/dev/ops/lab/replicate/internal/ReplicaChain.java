package dev.ops.lab.replicate.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Changes;
import dev.ops.lab.catalog.ResourceRecord;
import dev.ops.lab.site.Site;
import dev.ops.pve.PveChanges;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.CloudInit;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestType;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One replica on one node: its identity from the allocators ({@link IdentityChain}), the clone with
 * its network set, for a template the conversion, then the verification and catalog record.
 */
public final class ReplicaChain {
    private static final Pattern NIC_MAC = Pattern.compile("\\b(virtio|e1000|e1000e|rtl8139|vmxnet3)=[0-9A-Fa-f:]{17}");

    private final Site site;
    private final PveClient client;
    private final Ops ops;
    private final ReplicaSource source;
    private final IdentityChain identities;

    public ReplicaChain(Site site, PveClient client, Ops ops, ReplicaSource source, String taskId) {
        this.site = site;
        this.client = client;
        this.ops = ops;
        this.source = source;
        this.identities = new IdentityChain(site, client, ops, taskId);
    }

    /** The replica on {@code node}: one change, planned up to the VMID it takes, the rest bound at apply. */
    public Change<ResourceRecord> on(String node, List<String> existingNames) {
        boolean container = source.type() == GuestType.LXC;
        String kind = container ? "container" : "vm";
        return identities.on(node, container, source.template() ? "template" : kind, existingNames,
                id -> copy(id, kind, source.template(), true, ""));
    }

    /** A guest (not a template, not a replica) cloned from the source on its own node, recorded as the site guest {@code role}. */
    public Change<ResourceRecord> guest(List<String> existingNames, String role) {
        boolean container = source.type() == GuestType.LXC;
        String kind = container ? "container" : "vm";
        return identities.on(source.node(), container, kind, existingNames, id -> copy(id, kind, false, false, role));
    }

    private Change<ResourceRecord> copy(Identity id, String kind, boolean asTemplate, boolean replica, String role) {
        PveChanges pve = client.changes(ops);
        boolean container = source.type() == GuestType.LXC;
        boolean full = site.replication().full() || !source.template();
        Guest clone = client.node(id.node()).guest(source.type(), id.vmid());
        Change<Guest> cloned = pve.clone(source.guest(), c -> {
            c.newId(id.vmid()).name(id.name()).full(full);
            if (!id.node().equals(source.node())) {
                c.targetNode(id.node());
            }
            if (full) {
                c.targetStorage(site.storage(site.replication().storage()));
            }
            if (!container) {
                c.cloudInit(CloudInit.builder().putIpConfigs(0, id.ipConfig()).build());
            }
        });
        String net0 = container
                ? "name=eth0,bridge=" + source.bridge() + ",hwaddr=" + id.mac() + "," + id.ipConfig()
                : source.net0().isEmpty() ? "virtio=" + id.mac() + ",bridge=" + source.bridge()
                : NIC_MAC.matcher(source.net0()).replaceFirst("$1=" + id.mac());
        Change<ResourceRecord> recorded = identities.record(new ResourceRecord(id.vmid(), id.name(), id.node(), kind, asTemplate,
                source.node(), source.vmid(), source.origin(), replica, id.ip(), id.gateway(), id.mac().toString(),
                identities.compliant(id.name()), identities.taskId(), role, identities.now()));
        // Each later change reads the clone when it is planned, so it is chained after the clone exists.
        return Changes.then(cloned, guest -> Changes.then(pve.updateConfig(clone, u -> u.set("net0", net0)),
                cfg -> asTemplate ? Changes.then(pve.convertToTemplate(clone), t -> recorded) : recorded));
    }
}
