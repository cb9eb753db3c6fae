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
import dev.ops.net.ipam.IpAllocator;
import dev.ops.net.ipam.Pool;
import dev.ops.net.mac.MacAllocator;
import dev.ops.net.naming.NameAllocator;
import dev.ops.pve.PveClient;
import dev.ops.pve.vmid.VmidAllocator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * A new guest's identity taken from the shared allocators, chained because each needs what the one
 * before took at apply (a VMID, then a name, then an address, then a MAC), then the change that
 * makes the guest with it; and the catalog record that verifies and records the result. Replication
 * and restore under a new identity share it.
 */
public final class IdentityChain {
    private final Site site;
    private final PveClient client;
    private final Ops ops;
    private final String taskId;

    public IdentityChain(Site site, PveClient client, Ops ops, String taskId) {
        this.site = site;
        this.client = client;
        this.ops = ops;
        this.taskId = taskId;
    }

    /** A guest of {@code kind} ({@code vm}, {@code container}, {@code template}'s type word) on {@code node}, made by {@code make}. */
    public Change<ResourceRecord> on(String node, boolean container, String typeKind, List<String> existingNames,
            Function<Identity, Change<ResourceRecord>> make) {
        String typeWord = site.naming().typeOf(typeKind);
        Pool pool = container ? Pool.CONTAINER : Pool.VM;
        return Changes.then(VmidAllocator.of(client, ops).next(), vmid -> {
            String owner = node + "/" + vmid;
            return Changes.then(NameAllocator.on(site.naming().convention(), ops).next(node, typeWord, existingNames), name ->
                    Changes.then(IpAllocator.on(site.ipam(), ops).allocate(node, pool, owner), address ->
                            Changes.then(MacAllocator.on(ops).random(owner), mac ->
                                    make.apply(new Identity(node, vmid, name, address, mac)))));
        });
    }

    /** The step that verifies the new guest against {@code record} and records it in the catalog. */
    public Change<ResourceRecord> record(ResourceRecord record) {
        String json = new String(CatalogKeys.write(record), StandardCharsets.UTF_8);
        return new CatalogChange<>(ops, client.targets(ops), "record " + (record.replica() ? "replica " : "guest ") + record.name() + " ("
                + record.vmid() + ") on " + record.node(), new ReplicaRecordAction(client.name(), taskId, json),
                new ReplicaForgetAction(taskId, record.node(), record.vmid()), store -> record);
    }

    /** Whether {@code name} follows the site's convention. */
    public boolean compliant(String name) {
        return site.naming().convention().parse(name).isPresent();
    }

    /** The task the new guests are recorded under. */
    public String taskId() {
        return taskId;
    }

    /** Now, as the catalog writes dates. */
    public String now() {
        return ops.clock().instant().toString();
    }
}
