package dev.ops.lab.catalog;

import dev.ops.core.Ops;
import dev.ops.lab.catalog.internal.CatalogKeys;
import dev.ops.lab.site.Site;
import dev.ops.net.IpAddress;
import dev.ops.net.IpFamily;
import dev.ops.net.ipam.Allocation;
import dev.ops.net.ipam.IpAllocator;
import dev.ops.net.ipam.Pool;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the lab's metadata catalog: the queries the seed's API offered (a resource's metadata, the
 * next free address for a node and type, replication status). Reads only; records are written by
 * the lab's changes, journaled with them.
 *
 * <pre>{@code
 * Catalog catalog = lab.catalog(ops);
 * catalog.resource(9101).map(ResourceRecord::originTemplate);   // "debian-12"
 * catalog.nextFreeAddress("pve2", Pool.VM);                    // 10.10.2.101
 * }</pre>
 */
public final class Catalog {
    private final Site site;
    private final Ops ops;

    private Catalog(Site site, Ops ops) {
        this.site = site;
        this.ops = ops;
    }

    /** The catalog of {@code site} in {@code ops}'s state store. */
    public static Catalog of(Site site, Ops ops) {
        return new Catalog(Objects.requireNonNull(site, "site"), Objects.requireNonNull(ops, "ops"));
    }

    /** The metadata of guest {@code vmid}. */
    public Optional<ResourceRecord> resource(int vmid) {
        return one(CatalogKeys.resource(vmid), ResourceRecord.class);
    }

    /** Every resource record, by VMID. */
    public List<ResourceRecord> resources() {
        return all(CatalogKeys.RESOURCES, ResourceRecord.class, Comparator.comparingInt(ResourceRecord::vmid));
    }

    /** The manifest layer L1 recorded for template {@code name}. */
    public Optional<TemplateManifest> manifest(String name) {
        return one(CatalogKeys.manifest(name), TemplateManifest.class);
    }

    /** Every template manifest, by name. */
    public List<TemplateManifest> manifests() {
        return all(CatalogKeys.TEMPLATES, TemplateManifest.class, Comparator.comparing(TemplateManifest::name));
    }

    /** The record layer L3 made when it converged host {@code name}; empty when L3 has not run for it (or was rolled back). */
    public Optional<HostConvergence> convergence(String name) {
        return one(CatalogKeys.host(name), HostConvergence.class);
    }

    /** Every host convergence record, by host name. */
    public List<HostConvergence> convergences() {
        return all(CatalogKeys.HOSTS, HostConvergence.class, Comparator.comparing(HostConvergence::host));
    }

    /** The safety snapshots the lab took of guest {@code vmid}, oldest first, kept or pruned. */
    public List<SnapshotRecord> snapshots(int vmid) {
        return all(CatalogKeys.SNAPSHOTS + vmid + "/", SnapshotRecord.class, Comparator.comparing(SnapshotRecord::taken));
    }

    /** One safety snapshot's record. */
    public Optional<SnapshotRecord> snapshot(int vmid, String name) {
        return one(CatalogKeys.snapshot(vmid, name), SnapshotRecord.class);
    }

    /** The backups the lab took of guest {@code vmid}, oldest first, kept or pruned. */
    public List<BackupRecord> backups(int vmid) {
        return all(CatalogKeys.BACKUPS + vmid + "/", BackupRecord.class, Comparator.comparing(BackupRecord::taken).thenComparing(BackupRecord::id));
    }

    /** The record of the backup of guest {@code vmid} whose volume is {@code volid}. */
    public Optional<BackupRecord> backup(int vmid, String volid) {
        return backups(vmid).stream().filter(b -> b.volid().equals(volid)).findFirst();
    }

    /** The replicas made from guest {@code vmid}. */
    public List<ResourceRecord> replicasOf(int vmid) {
        return resources().stream().filter(r -> r.replica() && r.originVmid() == vmid).toList();
    }

    /** The nodes {@code vmid} has replicas on. */
    public List<String> replicatedNodes(int vmid) {
        return replicasOf(vmid).stream().map(ResourceRecord::node).distinct().sorted().toList();
    }

    /** A replication task. */
    public Optional<ReplicationTask> task(String id) {
        return one(CatalogKeys.task(id), ReplicationTask.class);
    }

    /** Every replication task, oldest first. */
    public List<ReplicationTask> tasks() {
        return all(CatalogKeys.TASKS, ReplicationTask.class, Comparator.comparing(ReplicationTask::startedAt));
    }

    private <T> Optional<T> one(String key, Class<T> type) {
        return ops.store().get(key).map(v -> CatalogKeys.read(key, v.value(), type));
    }

    private <T> List<T> all(String prefix, Class<T> type, Comparator<T> order) {
        return ops.store().list(prefix).stream().map(e -> CatalogKeys.read(e.key(), e.value().value(), type)).sorted(order).toList();
    }

    /** The addresses handed out on {@code node}, with their owners and dates (ops-net's allocations). */
    public List<Allocation> addresses(String node) {
        return IpAllocator.on(site.ipam(), ops).list(node);
    }

    /** The address the next allocation for {@code node} and {@code pool} would take now (IPv4). */
    public Optional<IpAddress> nextFreeAddress(String node, Pool pool) {
        return IpAllocator.on(site.ipam(), ops).nextFree(node, pool, IpFamily.IPV4);
    }
}
