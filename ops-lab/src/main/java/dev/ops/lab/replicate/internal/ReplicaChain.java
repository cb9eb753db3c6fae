package dev.ops.lab.replicate.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Changes;
import dev.ops.lab.catalog.ResourceRecord;
import dev.ops.lab.catalog.internal.CatalogChange;
import dev.ops.lab.catalog.internal.CatalogKeys;
import dev.ops.lab.catalog.internal.ReplicaForgetAction;
import dev.ops.lab.catalog.internal.ReplicaRecordAction;
import dev.ops.lab.site.Site;
import dev.ops.net.MacAddress;
import dev.ops.net.ipam.Allocation;
import dev.ops.net.ipam.IpAllocator;
import dev.ops.net.ipam.Pool;
import dev.ops.net.mac.MacAllocator;
import dev.ops.net.naming.NameAllocator;
import dev.ops.pve.PveChanges;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.CloudInit;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestType;
import dev.ops.pve.vmid.VmidAllocator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The changes that make one replica on one node, chained because each needs what the one before
 * took at apply: a VMID, then a name, then an address, then a MAC, then the clone with its network
 * set, then (for a template) the conversion, then the verification and catalog record.
 */
public final class ReplicaChain {
    private static final Pattern NIC_MAC = Pattern.compile("\\b(virtio|e1000|e1000e|rtl8139|vmxnet3)=[0-9A-Fa-f:]{17}");

    private final Site site;
    private final PveClient client;
    private final Ops ops;
    private final ReplicaSource source;
    private final String taskId;

    public ReplicaChain(Site site, PveClient client, Ops ops, ReplicaSource source, String taskId) {
        this.site = site;
        this.client = client;
        this.ops = ops;
        this.source = source;
        this.taskId = taskId;
    }

    /** The replica on {@code node}: one change, planned up to the VMID it takes, the rest bound at apply. */
    public Change<?> on(String node, List<String> existingNames) {
        boolean container = source.type() == GuestType.LXC;
        String kind = container ? "container" : "vm";
        String typeWord = site.naming().typeOf(source.template() ? "template" : kind);
        Pool pool = container ? Pool.CONTAINER : Pool.VM;
        return Changes.then(VmidAllocator.of(client, ops).next(), vmid -> {
            String owner = node + "/" + vmid;
            return Changes.then(NameAllocator.on(site.naming().convention(), ops).next(node, typeWord, existingNames), name ->
                    Changes.then(IpAllocator.on(site.ipam(), ops).allocate(node, pool, owner), address ->
                            Changes.then(MacAllocator.on(ops).random(owner), mac ->
                                    replica(node, vmid, name, address, mac, kind))));
        });
    }

    private Change<ResourceRecord> replica(String node, int vmid, String name, Allocation address, MacAddress mac, String kind) {
        PveChanges pve = client.changes(ops);
        boolean container = source.type() == GuestType.LXC;
        String ip = address.cidr().toString();
        String gw = address.gateway().map(Object::toString).orElse("");
        Guest clone = client.node(node).guest(source.type(), vmid);
        Change<Guest> cloned = pve.clone(source.guest(), c -> {
            c.newId(vmid).name(name).targetNode(node).full(site.replication().full() || !source.template());
            if (site.replication().full() || !source.template()) {
                c.targetStorage(site.storage(site.replication().storage()));
            }
            if (!container) {
                c.cloudInit(CloudInit.builder().putIpConfigs(0, "ip=" + ip + (gw.isEmpty() ? "" : ",gw=" + gw)).build());
            }
        });
        String net0 = container
                ? "name=eth0,bridge=" + source.bridge() + ",hwaddr=" + mac + ",ip=" + ip + (gw.isEmpty() ? "" : ",gw=" + gw)
                : source.net0().isEmpty() ? "virtio=" + mac + ",bridge=" + source.bridge()
                : NIC_MAC.matcher(source.net0()).replaceFirst("$1=" + mac);
        ResourceRecord record = new ResourceRecord(vmid, name, node, kind, source.template(), source.node(), source.vmid(),
                source.origin(), true, ip, gw, mac.toString(), site.naming().convention().parse(name).isPresent(), taskId,
                ops.clock().instant().toString());
        String json = new String(CatalogKeys.write(record), StandardCharsets.UTF_8);
        Change<ResourceRecord> recorded = new CatalogChange<>(ops, client.targets(ops), "record replica " + name + " (" + vmid + ") on " + node,
                new ReplicaRecordAction(client.name(), taskId, json), new ReplicaForgetAction(taskId, node, vmid), store -> record);
        // Each later change reads the clone when it is planned, so it is chained after the clone exists.
        return Changes.then(cloned, guest -> Changes.then(pve.updateConfig(clone, u -> u.set("net0", net0)),
                cfg -> source.template() ? Changes.then(pve.convertToTemplate(clone), t -> recorded) : recorded));
    }
}
