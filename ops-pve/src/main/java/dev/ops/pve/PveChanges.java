package dev.ops.pve;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.pve.backup.BackupRequest;
import dev.ops.pve.backup.RestoreRequest;
import dev.ops.pve.backup.internal.BackupChanges;
import dev.ops.pve.guest.CloneRequest;
import dev.ops.pve.guest.ConfigUpdate;
import dev.ops.pve.guest.CreateContainerRequest;
import dev.ops.pve.guest.CreateVmRequest;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestConfig;
import dev.ops.pve.guest.GuestStatus;
import dev.ops.pve.guest.GuestType;
import dev.ops.pve.guest.MigrateRequest;
import dev.ops.pve.guest.Snapshot;
import dev.ops.pve.agent.internal.AgentFileWriteChange;
import java.util.Map;
import java.util.Optional;
import dev.ops.proxmox.task.Upid;
import dev.ops.proxmox.task.TaskStatus;
import dev.ops.proxmox.task.internal.StopTaskChange;
import dev.ops.pve.node.internal.FirewallOptionsChange;
import dev.ops.pve.replication.ReplicationJob;
import dev.ops.pve.replication.ReplicationRequest;
import dev.ops.pve.replication.ReplicationState;
import dev.ops.pve.replication.internal.ReplicationJobChange;
import dev.ops.pve.replication.internal.RunReplicationChange;
import dev.ops.pve.node.internal.NetworkApplyChange;
import dev.ops.pve.node.internal.NetworkInterfaceChange;
import dev.ops.pve.node.NetworkInterfaceRequest;
import dev.ops.pve.guest.ShutdownRequest;
import dev.ops.pve.guest.SnapshotRequest;
import dev.ops.pve.guest.internal.GuestChanges;
import dev.ops.pve.cluster.JoinRequest;
import dev.ops.pve.cluster.internal.JoinClusterChange;
import dev.ops.pve.ha.HaRequest;
import dev.ops.pve.ha.HaRule;
import dev.ops.pve.ha.HaRuleRequest;
import dev.ops.pve.ha.internal.HaRuleChange;
import dev.ops.pve.ha.HaResource;
import dev.ops.pve.ha.internal.HaChanges;
import dev.ops.pve.node.Node;
import dev.ops.pve.pool.PoolRequest;
import dev.ops.pve.pool.PoolSummary;
import dev.ops.pve.pool.internal.PoolChanges;
import dev.ops.pve.storage.DownloadUrlRequest;
import dev.ops.pve.storage.Storage;
import dev.ops.pve.storage.StorageContentItem;
import dev.ops.pve.storage.UploadRequest;
import dev.ops.pve.storage.internal.StorageChanges;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every mutating Proxmox operation as a {@link Change}: {@code plan()} is the dry-run (exact
 * method, path and body, secrets masked; reads only, reserves nothing), {@code apply()} runs it
 * journaled, and the handle rolls it back (a clone or create is destroyed and its VMID released, a
 * config update restores the previous values and removes the keys that were absent, a snapshot is
 * deleted, a start is undone by a stop). A change already in its desired state plans no steps; a
 * change that refers to something missing (the template of a clone, the snapshot to roll back to,
 * the guest to make HA-managed, the members of a pool) fails at {@code plan()} with a
 * {@link dev.ops.core.error.NotFoundException}.
 *
 * <pre>{@code
 * PveChanges guests = client.guests(ops);
 * Change<Guest> clone = guests.clone(template, c -> c.name("web-1").full(true)
 *         .cloudInit(CloudInit.builder().user("ops").addSshKeys(key).putIpConfigs(0, "ip=dhcp").build()));
 * clone.plan();                        // "take the next free VMID ... (taken at apply)", then the clone
 * Applied<Guest> done = Changes.then(clone, guests::start).apply();
 * done.rollback();                     // stops and destroys the clone, releases its VMID
 * }</pre>
 */
public final class PveChanges {
    private final PveClient client;
    private final Ops ops;

    PveChanges(PveClient client, Ops ops) {
        this.client = client;
        this.ops = ops;
    }

    // ---- power -------------------------------------------------------------------------------

    /** Starts the guest; rollback stops it. No steps when it runs already. */
    public Change<GuestStatus> start(Guest g) {
        return GuestChanges.start(ops, client, g);
    }

    /** Stops the guest hard; rollback starts it. No steps when it is stopped. */
    public Change<GuestStatus> stop(Guest g) {
        return GuestChanges.stop(ops, client, g);
    }

    /** Shuts the guest down cleanly; rollback starts it. No steps when it is stopped. */
    public Change<GuestStatus> shutdown(Guest g) {
        return GuestChanges.shutdown(ops, client, g);
    }

    /** Shuts the guest down cleanly, waiting at most the request's timeout and then stopping it hard when asked; rollback starts it. */
    public Change<GuestStatus> shutdown(Guest g, ShutdownRequest request) {
        return GuestChanges.shutdown(ops, client, g, request);
    }

    /** {@link #shutdown(Guest, ShutdownRequest)} with the request built by {@code edit}. */
    public Change<GuestStatus> shutdown(Guest g, Consumer<ShutdownRequest.Builder> edit) {
        return shutdown(g, build(ShutdownRequest::builder, edit).build());
    }

    /** Reboots a running guest (cannot be undone). */
    public Change<GuestStatus> reboot(Guest g) {
        return GuestChanges.reboot(ops, client, g);
    }

    /** Suspends a running guest; rollback resumes it. No steps when it is not running or already suspended. */
    public Change<GuestStatus> suspend(Guest g) {
        return GuestChanges.suspend(ops, client, g);
    }

    /** Resumes a suspended guest; rollback suspends it again. No steps when it is not suspended. */
    public Change<GuestStatus> resume(Guest g) {
        return GuestChanges.resume(ops, client, g);
    }

    // ---- disks, firewall and tasks ------------------------------------------------------------

    /**
     * Grows a guest's disk to {@code size}: absolute ({@code 40G}) or a growth ({@code +8G}). A size
     * smaller than the disk is refused at plan (Proxmox does not shrink disks), and the step cannot be
     * undone. Yields the guest's config.
     */
    public Change<GuestConfig> resizeDisk(Guest g, String disk, String size) {
        return GuestChanges.resizeDisk(ops, client, g, disk, size);
    }

    /**
     * Moves a guest's disk (VM: {@code scsi0}, ...; container: {@code rootfs}, {@code mp0}, ...) to
     * another storage, deleting the source copy; rollback moves it back.
     */
    public Change<GuestConfig> moveDisk(Guest g, String disk, String storage) {
        return GuestChanges.moveDisk(ops, client, g, disk, storage);
    }

    /** Sets options of the cluster firewall ({@code enable}, {@code policy_in}, ...); rollback puts the old values back. */
    public Change<Map<String, String>> clusterFirewallOptions(Map<String, String> options) {
        return new FirewallOptionsChange(ops, client, null, options);
    }

    /** Sets options of a node's host firewall ({@code enable}, {@code log_level_in}, ...); rollback puts the old values back. */
    public Change<Map<String, String>> nodeFirewallOptions(Node node, Map<String, String> options) {
        return new FirewallOptionsChange(ops, client, node.name(), options);
    }

    /**
     * Stages a node network interface as wanted (created, or updated in the settings that differ);
     * rollback stages the old state again. Live only after {@link #applyNetwork}.
     */
    public Change<String> networkInterface(Node node, NetworkInterfaceRequest request) {
        return new NetworkInterfaceChange(ops, client, node.name(), request, null);
    }

    /** {@link #networkInterface(Node, NetworkInterfaceRequest)} with the request built by {@code edit}. */
    public Change<String> networkInterface(Node node, Consumer<NetworkInterfaceRequest.Builder> edit) {
        return networkInterface(node, build(NetworkInterfaceRequest::builder, edit).build());
    }

    /** Stages the removal of a node network interface; rollback stages it again as it was. */
    public Change<String> removeNetworkInterface(Node node, String iface) {
        return new NetworkInterfaceChange(ops, client, node.name(), null, iface);
    }

    /** Makes the node's staged network live (ifreload); yields the diff that was pending. Cannot be undone by the API. */
    public Change<String> applyNetwork(Node node) {
        return new NetworkApplyChange(ops, client, node.name(), true);
    }

    /** Drops the node's staged network changes; yields the diff that was dropped. */
    public Change<String> revertNetwork(Node node) {
        return new NetworkApplyChange(ops, client, node.name(), false);
    }

    /** A replication job as wanted: created, or updated in what differs; rollback removes or restores it. Yields the job. */
    public Change<Optional<ReplicationJob>> replicationJob(ReplicationRequest request) {
        return new ReplicationJobChange(ops, client, request, null);
    }

    /** {@link #replicationJob(ReplicationRequest)} with the request built by {@code edit}. */
    public Change<Optional<ReplicationJob>> replicationJob(Consumer<ReplicationRequest.Builder> edit) {
        return replicationJob(build(ReplicationRequest::builder, edit).build());
    }

    /** Removes a replication job (its replicated data is left on the target); rollback makes it again. */
    public Change<Optional<ReplicationJob>> removeReplicationJob(String id) {
        return new ReplicationJobChange(ops, client, null, id);
    }

    /** Runs a replication job now and waits for it; yields the job's state. Cannot be undone. */
    public Change<ReplicationState> runReplication(String id) {
        return new RunReplicationChange(ops, client, id);
    }

    /**
     * Joins the node this client speaks to into a cluster ({@code POST /cluster/config/join}), as a
     * task. Refused at plan for a node already in a cluster or holding guests, unless forced. It
     * cannot be undone through the API (the plan says how to leave). Yields the cluster's name.
     */
    public Change<String> joinCluster(JoinRequest request) {
        return new JoinClusterChange(ops, client, request);
    }

    /** {@link #joinCluster(JoinRequest)} with the request built by {@code edit}. */
    public Change<String> joinCluster(Consumer<JoinRequest.Builder> edit) {
        return joinCluster(build(JoinRequest::builder, edit).build());
    }

    /** Stops a running task; nothing is planned for one that has ended. Cannot be undone. */
    public Change<TaskStatus> stopTask(Upid upid) {
        return new StopTaskChange(ops, client, upid);
    }

    // ---- guest agent -------------------------------------------------------------------------

    /**
     * A file inside a VM with {@code content}, written through its guest agent; rollback writes the
     * old content back or removes a file the change created. Yields the file's path.
     */
    public Change<String> agentFileWrite(Guest g, String file, String content) {
        return new AgentFileWriteChange(ops, client, g, file, content);
    }

    // ---- config ------------------------------------------------------------------------------

    /**
     * Updates the guest's config: only keys whose value differs are sent, guarded by the config
     * digest (the update's own, else the one read at plan time). Rollback writes back the previous
     * values and deletes the keys that were absent. {@code cipassword} cannot be restored (Proxmox
     * never returns it) and the plan says so.
     */
    public Change<GuestConfig> updateConfig(Guest g, ConfigUpdate update) {
        return GuestChanges.updateConfig(ops, client, g, update);
    }

    /** Updates the guest's config with an update built by {@code edit}. */
    public Change<GuestConfig> updateConfig(Guest g, Consumer<ConfigUpdate.Builder> edit) {
        return updateConfig(g, build(ConfigUpdate::builder, edit).build());
    }

    // ---- create, clone, delete ------------------------------------------------------------------

    /**
     * Clones {@code source}, which must exist at plan time. Without a new VMID in the request, one is
     * taken at apply: a journaled step reserves the next free VMID (in the store, confirmed free in the
     * cluster) and rollback releases it; the plan says so and the clone itself is planned at apply, in
     * the same journal record. Cloud-init settings are written into the clone's config right after.
     * Rollback destroys the clone. No steps when the requested VMID already holds a guest of the
     * requested name on the target node.
     */
    public Change<Guest> clone(Guest source, CloneRequest request) {
        return GuestChanges.clone(ops, client, source, request);
    }

    /** Clones {@code source} with a request built by {@code edit}. */
    public Change<Guest> clone(Guest source, Consumer<CloneRequest.Builder> edit) {
        return clone(source, build(CloneRequest::builder, edit).build());
    }

    /** Creates a VM on {@code node} (VMID taken at apply when absent, as for {@link #clone}); rollback destroys it. */
    public Change<Guest> createVm(Node node, CreateVmRequest request) {
        return GuestChanges.createVm(ops, client, node, request);
    }

    /** Creates a VM with a request built by {@code edit}. */
    public Change<Guest> createVm(Node node, Consumer<CreateVmRequest.Builder> edit) {
        return createVm(node, build(CreateVmRequest::builder, edit).build());
    }

    /** Creates a container on {@code node} (VMID taken at apply when absent, as for {@link #clone}); rollback destroys it. */
    public Change<Guest> createContainer(Node node, CreateContainerRequest request) {
        return GuestChanges.createContainer(ops, client, node, request);
    }

    /** Creates a container with a request built by {@code edit}. */
    public Change<Guest> createContainer(Node node, Consumer<CreateContainerRequest.Builder> edit) {
        return createContainer(node, build(CreateContainerRequest::builder, edit).build());
    }

    /** Deletes the guest with its disks, stopping it first when it runs. Cannot be undone; no steps when it is gone already. */
    public Change<Boolean> delete(Guest g) {
        return GuestChanges.delete(ops, client, g);
    }

    /** Converts the guest to a template. Cannot be undone; no steps when it is one already. */
    public Change<GuestConfig> convertToTemplate(Guest g) {
        return GuestChanges.convertToTemplate(ops, client, g);
    }

    /** Migrates the guest to another node; rollback migrates it back. No steps when it is on the target already. */
    public Change<Guest> migrate(Guest g, MigrateRequest request) {
        return GuestChanges.migrate(ops, client, g, request);
    }

    /** Migrates the guest with a request built by {@code edit}. */
    public Change<Guest> migrate(Guest g, Consumer<MigrateRequest.Builder> edit) {
        return migrate(g, build(MigrateRequest::builder, edit).build());
    }

    // ---- snapshots ---------------------------------------------------------------------------

    /** Takes a snapshot of an existing guest ({@code vmstate} includes RAM, VMs only); rollback deletes it. No steps when it exists. */
    public Change<Snapshot> snapshot(Guest g, SnapshotRequest request) {
        return GuestChanges.snapshot(ops, client, g, request);
    }

    /** Takes a snapshot described by {@code edit}. */
    public Change<Snapshot> snapshot(Guest g, Consumer<SnapshotRequest.Builder> edit) {
        return snapshot(g, build(SnapshotRequest::builder, edit).build());
    }

    /** Rolls the guest back to a snapshot, which must exist at plan time. Cannot be undone (the current state is lost). */
    public Change<GuestConfig> rollbackToSnapshot(Guest g, String name) {
        return GuestChanges.rollbackToSnapshot(ops, client, g, name);
    }

    /** Deletes a snapshot. Cannot be undone; no steps when it is gone. */
    public Change<Boolean> deleteSnapshot(Guest g, String name) {
        return GuestChanges.deleteSnapshot(ops, client, g, name);
    }

    // ---- backup and restore ------------------------------------------------------------------

    /** Backs an existing guest up with vzdump. The backup volume stays on rollback (the step cannot be undone). */
    public Change<Boolean> backup(Guest g, BackupRequest request) {
        return BackupChanges.backup(ops, client, g, request);
    }

    /** Backs the guest up with a request built by {@code edit}. */
    public Change<Boolean> backup(Guest g, Consumer<BackupRequest.Builder> edit) {
        return backup(g, build(BackupRequest::builder, edit).build());
    }

    /**
     * Restores a backup volume as guest {@code request.vmid()} on {@code node}; rollback destroys
     * the restored guest. Overwriting an existing guest needs {@code force} and cannot be undone.
     */
    public Change<Guest> restore(Node node, GuestType type, RestoreRequest request) {
        return BackupChanges.restore(ops, client, node, type, request);
    }

    /** Restores a backup with a request built by {@code edit}. */
    public Change<Guest> restore(Node node, GuestType type, Consumer<RestoreRequest.Builder> edit) {
        return restore(node, type, build(RestoreRequest::builder, edit).build());
    }

    // ---- HA ------------------------------------------------------------------------------------

    /** Makes an existing guest HA-managed; rollback removes it from HA. No steps when it is HA-managed already. */
    public Change<HaResource> haAdd(Guest g, HaRequest request) {
        return HaChanges.add(ops, client, g, request);
    }

    /** Makes the guest HA-managed as {@code edit} describes (state {@code started} unless set). */
    public Change<HaResource> haAdd(Guest g, Consumer<HaRequest.Builder> edit) {
        return haAdd(g, build(HaRequest::builder, edit).build());
    }

    /** Removes a guest from HA; rollback adds it back with its previous state, group, comment and restart/relocate policy. */
    public Change<Boolean> haRemove(Guest g) {
        return HaChanges.remove(ops, client, g);
    }

    /**
     * An HA rule as wanted (Proxmox VE 9): created, or updated in what differs, a setting left out
     * of {@code request} being removed; rollback removes the rule or puts its old settings back.
     * Yields the rule.
     */
    public Change<Optional<HaRule>> haRule(HaRuleRequest request) {
        return new HaRuleChange(ops, client, request, null);
    }

    /** {@link #haRule(HaRuleRequest)} with the request built by {@code edit}. */
    public Change<Optional<HaRule>> haRule(Consumer<HaRuleRequest.Builder> edit) {
        return haRule(build(HaRuleRequest::builder, edit).build());
    }

    /** Removes an HA rule; rollback makes it again with its settings. */
    public Change<Optional<HaRule>> removeHaRule(String rule) {
        return new HaRuleChange(ops, client, null, rule);
    }

    // ---- pools -------------------------------------------------------------------------------

    /** Creates a resource pool; rollback deletes it. No steps when it exists. */
    public Change<PoolSummary> createPool(PoolRequest request) {
        return PoolChanges.create(ops, client, request);
    }

    /** Creates a resource pool described by {@code edit}. */
    public Change<PoolSummary> createPool(Consumer<PoolRequest.Builder> edit) {
        return createPool(build(PoolRequest::builder, edit).build());
    }

    /**
     * Puts existing guests in an existing pool; rollback takes out those it put in. Guests already in
     * it are left as they are; a guest in another pool is refused (take it out there first).
     */
    public Change<PoolSummary> addToPool(String poolid, List<Guest> guests) {
        return PoolChanges.add(ops, client, poolid, guests);
    }

    /** Deletes an empty pool; rollback creates it again with its comment. No steps when it is gone. */
    public Change<Boolean> deletePool(String poolid) {
        return PoolChanges.delete(ops, client, poolid);
    }

    // ---- storage -------------------------------------------------------------------------------

    /** Has the node download a file to the storage; rollback deletes the volume. No steps when the volume exists. */
    public Change<StorageContentItem> downloadUrl(Storage storage, DownloadUrlRequest request) {
        return StorageChanges.downloadUrl(ops, client, storage, request);
    }

    /** Has the node download a file described by {@code edit}. */
    public Change<StorageContentItem> downloadUrl(Storage storage, Consumer<DownloadUrlRequest.Builder> edit) {
        return downloadUrl(storage, build(DownloadUrlRequest::builder, edit).build());
    }

    /**
     * Uploads a local ISO, container template or import file to a storage; rollback deletes the
     * volume. No steps when a volume of that name is already there.
     */
    public Change<StorageContentItem> upload(Storage storage, UploadRequest request) {
        return StorageChanges.upload(ops, client, storage, request);
    }

    /** Uploads a file described by {@code edit}. */
    public Change<StorageContentItem> upload(Storage storage, Consumer<UploadRequest.Builder> edit) {
        return upload(storage, build(UploadRequest::builder, edit).build());
    }

    private static <B> B build(Supplier<B> builder, Consumer<? super B> edit) {
        B b = builder.get();
        edit.accept(b);
        return b;
    }
}
