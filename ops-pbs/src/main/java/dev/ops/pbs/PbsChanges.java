package dev.ops.pbs;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.retention.RetentionPlan;
import dev.ops.core.retention.RetentionPolicy;
import dev.ops.pbs.internal.PbsChangeFactory;
import java.util.List;
import java.util.function.Consumer;

/**
 * The changes of one PBS server, journaled in one {@link Ops}: each has a pure plan and a rollback
 * (a prune's removals excepted, which the plan marks irreversible).
 */
public final class PbsChanges {
    private final PbsClient client;
    private final Ops ops;

    PbsChanges(PbsClient client, Ops ops) {
        this.client = client;
        this.ops = ops;
    }

    /** Creates namespace {@code ns} (its parent must exist); the rollback removes it if it is still empty. None when it exists. */
    public Change<Namespace> createNamespace(String store, Namespace ns) {
        return PbsChangeFactory.createNamespace(ops, client, store, ns);
    }

    /** Sets the protection of snapshot {@code ref}; the rollback sets it back. None when it already is so. */
    public Change<Boolean> protection(String store, Namespace ns, SnapshotRef ref, boolean protect) {
        return PbsChangeFactory.protection(ops, client, store, ns, ref, protect);
    }

    /** Sets the notes of snapshot {@code ref}; the rollback restores the old notes. None when they are the same. */
    public Change<String> notes(String store, Namespace ns, SnapshotRef ref, String notes) {
        return PbsChangeFactory.notes(ops, client, store, ns, ref, notes);
    }

    /** Runs garbage collection on {@code store} and waits for its task (irreversible); yields the status after the run. */
    public Change<GcStatus> garbageCollect(String store) {
        return PbsChangeFactory.garbageCollect(ops, client, store);
    }

    /**
     * Prunes one backup group as PBS would, but planned here with the core retention engine in the PBS
     * host's time zone (read at plan; a zone set in {@code policy} is replaced by it): the plan lists
     * each snapshot to remove as an irreversible step and, as notes, the rule that keeps each survivor.
     * Apply removes exactly the planned snapshots. Only the {@code keep-*} options apply; an age or count
     * limit, which PBS's prune does not have, is refused.
     */
    public Change<RetentionPlan> prune(String store, Namespace ns, BackupType type, String id, Consumer<RetentionPolicy.Builder> policy) {
        return PbsChangeFactory.prune(ops, client, store, ns, type, id, policy);
    }

    /**
     * Deletes namespace {@code ns}, its child namespaces and every backup in them. The plan names what
     * it holds; a protected snapshot below refuses it at plan ({@link dev.ops.core.error.ConflictException}).
     * An empty namespace tree comes back on rollback; one holding backups is deleted by an irreversible
     * step. None when it does not exist.
     */
    public Change<Namespace> deleteNamespace(String store, Namespace ns) {
        return PbsChangeFactory.deleteNamespace(ops, client, store, ns);
    }

    /**
     * Gives backup group {@code type/id} of namespace {@code ns} to {@code owner} ({@code user@realm} or
     * {@code user@realm!token}); the rollback gives it back to its old owner. None when it is already so.
     */
    public Change<String> owner(String store, Namespace ns, BackupType type, String id, String owner) {
        return PbsChangeFactory.owner(ops, client, store, ns, type, id, owner);
    }

    /**
     * Verifies what {@code scope} covers in namespace {@code ns} (a snapshot, a group, or the datastore
     * from {@code ns} down) and awaits the task; damage found fails the task, which apply throws as
     * {@link dev.ops.proxmox.error.ProxmoxTaskFailedException}. Yields the covered snapshots with their new
     * verification state. Nothing to roll back.
     */
    public Change<List<Snapshot>> verify(String store, Namespace ns, VerifyScope scope) {
        return PbsChangeFactory.verify(ops, client, store, ns, scope);
    }

    /**
     * Makes the prune job {@code request.id()} as requested: created when
     * missing (the rollback deletes it), or updated where it differs (settings not requested are
     * unset; the rollback puts the old settings back). None when it already is so. Its datastore and namespace must exist.
     */
    public Change<PruneJobRequest> pruneJob(PruneJobRequest request) {
        return PbsChangeFactory.pruneJob(ops, client, java.util.Objects.requireNonNull(request, "request"));
    }

    /** The same, with a request filled in by {@code edit}. */
    public Change<PruneJobRequest> pruneJob(Consumer<PruneJobRequest.Builder> edit) {
        PruneJobRequest.Builder b = PruneJobRequest.builder();
        edit.accept(b);
        return pruneJob(b.build());
    }

    /** Removes the prune job {@code id}; the rollback creates it again as it was. None when it does not exist. */
    public Change<Boolean> removePruneJob(String id) {
        return PbsChangeFactory.remove(ops, client, "prune", id);
    }

    /** Runs the prune job {@code id} now and awaits its task (PBS answers a UPID where its schema says null); irreversible. */
    public Change<Boolean> runPruneJob(String id) {
        return PbsChangeFactory.runJob(ops, client, "prune", id);
    }

    /**
     * Makes the verification job {@code request.id()} as requested: created when
     * missing (the rollback deletes it), or updated where it differs (settings not requested are
     * unset; the rollback puts the old settings back). None when it already is so. Its datastore and namespace must exist.
     */
    public Change<VerifyJobRequest> verifyJob(VerifyJobRequest request) {
        return PbsChangeFactory.verifyJob(ops, client, java.util.Objects.requireNonNull(request, "request"));
    }

    /** The same, with a request filled in by {@code edit}. */
    public Change<VerifyJobRequest> verifyJob(Consumer<VerifyJobRequest.Builder> edit) {
        VerifyJobRequest.Builder b = VerifyJobRequest.builder();
        edit.accept(b);
        return verifyJob(b.build());
    }

    /** Removes the verification job {@code id}; the rollback creates it again as it was. None when it does not exist. */
    public Change<Boolean> removeVerifyJob(String id) {
        return PbsChangeFactory.remove(ops, client, "verify", id);
    }

    /** Runs the verification job {@code id} now and awaits its task (PBS answers a UPID where its schema says null); irreversible. */
    public Change<Boolean> runVerifyJob(String id) {
        return PbsChangeFactory.runJob(ops, client, "verify", id);
    }

    /**
     * Makes the sync job {@code request.id()} as requested: created when
     * missing (the rollback deletes it), or updated where it differs (settings not requested are
     * unset; the rollback puts the old settings back). None when it already is so. Its datastore, namespace and remote must exist.
     */
    public Change<SyncJobRequest> syncJob(SyncJobRequest request) {
        return PbsChangeFactory.syncJob(ops, client, java.util.Objects.requireNonNull(request, "request"));
    }

    /** The same, with a request filled in by {@code edit}. */
    public Change<SyncJobRequest> syncJob(Consumer<SyncJobRequest.Builder> edit) {
        SyncJobRequest.Builder b = SyncJobRequest.builder();
        edit.accept(b);
        return syncJob(b.build());
    }

    /** Removes the sync job {@code id}; the rollback creates it again as it was. None when it does not exist. */
    public Change<Boolean> removeSyncJob(String id) {
        return PbsChangeFactory.remove(ops, client, "sync", id);
    }

    /** Runs the sync job {@code id} now and awaits its task (PBS answers a UPID where its schema says null); irreversible. */
    public Change<Boolean> runSyncJob(String id) {
        return PbsChangeFactory.runJob(ops, client, "sync", id);
    }

    /**
     * Makes the remote (for sync jobs) {@code request.name()} as requested: created when
     * missing (the rollback deletes it), or updated where it differs (settings not requested are
     * unset; the rollback puts the old settings back). None when it already is so. Its password is a secret: masked in the plan, kept out of the journal, sent on create or when asked.
     */
    public Change<RemoteRequest> remote(RemoteRequest request) {
        return PbsChangeFactory.remote(ops, client, java.util.Objects.requireNonNull(request, "request"));
    }

    /** The same, with a request filled in by {@code edit}. */
    public Change<RemoteRequest> remote(Consumer<RemoteRequest.Builder> edit) {
        RemoteRequest.Builder b = RemoteRequest.builder();
        edit.accept(b);
        return remote(b.build());
    }

    /** Removes the remote (for sync jobs) {@code id}; the rollback creates it again as it was (but a remote, whose password cannot be read back, is removed for good). None when it does not exist. */
    public Change<Boolean> removeRemote(String id) {
        return PbsChangeFactory.remove(ops, client, "remote", id);
    }

    /**
     * Makes the traffic-control rule {@code request.name()} as requested: created when
     * missing (the rollback deletes it), or updated where it differs (settings not requested are
     * unset; the rollback puts the old settings back). None when it already is so.
     */
    public Change<TrafficControlRequest> trafficControl(TrafficControlRequest request) {
        return PbsChangeFactory.trafficControl(ops, client, java.util.Objects.requireNonNull(request, "request"));
    }

    /** The same, with a request filled in by {@code edit}. */
    public Change<TrafficControlRequest> trafficControl(Consumer<TrafficControlRequest.Builder> edit) {
        TrafficControlRequest.Builder b = TrafficControlRequest.builder();
        edit.accept(b);
        return trafficControl(b.build());
    }

    /** Removes the traffic-control rule {@code id}; the rollback creates it again as it was. None when it does not exist. */
    public Change<Boolean> removeTrafficControl(String id) {
        return PbsChangeFactory.remove(ops, client, "traffic-control", id);
    }

    /**
     * Backs a Proxmox VE guest up into this PBS as one change: {@code vzdump} to the PVE storage of
     * type {@code pbs} named in {@code request} (mode snapshot, suspend or stop), waiting for it; then
     * verification of the new snapshot here and the retention policy on the guest's group. One journal
     * record; the plan shows the vzdump, the rest is planned at apply when the new snapshot is known.
     * Yields the new snapshot. Nothing in it can be rolled back: the backup stays.
     */
    public Change<Snapshot> backupGuest(dev.ops.pve.PveClient pve, dev.ops.pve.guest.Guest guest, GuestBackupRequest request) {
        return dev.ops.pbs.internal.GuestBackupChange.of(ops, client, java.util.Objects.requireNonNull(pve, "pve"),
                java.util.Objects.requireNonNull(guest, "guest"), java.util.Objects.requireNonNull(request, "request"));
    }

    /** The same, with a request filled in by {@code edit}. */
    public Change<Snapshot> backupGuest(dev.ops.pve.PveClient pve, dev.ops.pve.guest.Guest guest, Consumer<GuestBackupRequest.Builder> edit) {
        GuestBackupRequest.Builder b = GuestBackupRequest.builder();
        edit.accept(b);
        return backupGuest(pve, guest, b.build());
    }
}
