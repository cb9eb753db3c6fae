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
     * {@link dev.ops.pve.error.PveTaskFailedException}. Yields the covered snapshots with their new
     * verification state. Nothing to roll back.
     */
    public Change<List<Snapshot>> verify(String store, Namespace ns, VerifyScope scope) {
        return PbsChangeFactory.verify(ops, client, store, ns, scope);
    }
}
