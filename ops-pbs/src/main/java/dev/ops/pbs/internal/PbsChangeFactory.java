package dev.ops.pbs.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.retention.RetentionPlan;
import dev.ops.core.retention.RetentionPolicy;
import dev.ops.pbs.BackupType;
import dev.ops.pbs.Namespace;
import dev.ops.pbs.PbsClient;
import dev.ops.pbs.SnapshotRef;
import java.util.function.Consumer;

/** Makes the changes of ops-pbs; {@link dev.ops.pbs.PbsChanges} is the public face. */
public final class PbsChangeFactory {
    private PbsChangeFactory() {}

    public static Change<Namespace> createNamespace(Ops ops, PbsClient client, String store, Namespace ns) {
        return new NamespaceCreateChange(ops, client, store, ns);
    }

    public static Change<Boolean> protection(Ops ops, PbsClient client, String store, Namespace ns, SnapshotRef ref, boolean protect) {
        return new ProtectionChange(ops, client, store, ns, ref, protect);
    }

    public static Change<String> notes(Ops ops, PbsClient client, String store, Namespace ns, SnapshotRef ref, String notes) {
        return new NotesChange(ops, client, store, ns, ref, notes);
    }

    public static Change<dev.ops.pbs.GcStatus> garbageCollect(Ops ops, PbsClient client, String store) {
        return new GarbageCollectChange(ops, client, store);
    }

    public static Change<RetentionPlan> prune(Ops ops, PbsClient client, String store, Namespace ns, BackupType type, String id,
            Consumer<RetentionPolicy.Builder> policy) {
        return new PruneChange(ops, client, store, ns, type, id, policy);
    }

    public static Change<Namespace> deleteNamespace(Ops ops, PbsClient client, String store, Namespace ns) {
        return new NamespaceDeleteChange(ops, client, store, ns);
    }

    public static Change<String> owner(Ops ops, PbsClient client, String store, Namespace ns, BackupType type, String id, String owner) {
        return new OwnerChange(ops, client, store, ns, type, id, owner);
    }

    public static Change<java.util.List<dev.ops.pbs.Snapshot>> verify(Ops ops, PbsClient client, String store, Namespace ns,
            dev.ops.pbs.VerifyScope scope) {
        return new VerifyChange(ops, client, store, ns, scope);
    }

    private static <T> Change<T> entry(Ops ops, PbsClient client, dev.ops.proxmox.internal.ConfigEntryChange.Section section, String id,
            java.util.Map<String, Object> desired, boolean sendSecrets, T value, java.util.function.Consumer<PbsClient> precheck) {
        return new dev.ops.proxmox.internal.ConfigEntryChange<>(ops, client.api().client(), section, id, desired, sendSecrets, value,
                () -> precheck.accept(client));
    }

    public static Change<dev.ops.pbs.PruneJobRequest> pruneJob(Ops ops, PbsClient client, dev.ops.pbs.PruneJobRequest r) {
        return entry(ops, client, JobWire.PRUNE, r.id(), JobWire.prune(r), false, r, JobWire.storeExists(r.store(), r.ns()));
    }

    public static Change<dev.ops.pbs.VerifyJobRequest> verifyJob(Ops ops, PbsClient client, dev.ops.pbs.VerifyJobRequest r) {
        return entry(ops, client, JobWire.VERIFY, r.id(), JobWire.verify(r), false, r, JobWire.storeExists(r.store(), r.ns()));
    }

    public static Change<dev.ops.pbs.SyncJobRequest> syncJob(Ops ops, PbsClient client, dev.ops.pbs.SyncJobRequest r) {
        return entry(ops, client, JobWire.SYNC, r.id(), JobWire.sync(r), false, r, JobWire.syncTargetsExist(r));
    }

    public static Change<dev.ops.pbs.RemoteRequest> remote(Ops ops, PbsClient client, dev.ops.pbs.RemoteRequest r) {
        return entry(ops, client, JobWire.REMOTE, r.name(), JobWire.remote(r), r.updatePassword(), r, pbs -> { });
    }

    public static Change<dev.ops.pbs.TrafficControlRequest> trafficControl(Ops ops, PbsClient client, dev.ops.pbs.TrafficControlRequest r) {
        return entry(ops, client, JobWire.TRAFFIC, r.name(), JobWire.traffic(r), false, r, pbs -> { });
    }

    /** Removes entry {@code id} of a section: {@code prune}, {@code verify}, {@code sync}, {@code remote}, {@code traffic-control}. */
    public static Change<Boolean> remove(Ops ops, PbsClient client, String section, String id) {
        dev.ops.proxmox.internal.ConfigEntryChange.Section s = JobWire.section(section);
        dev.ops.core.error.Violations.of(s.kind()).check(id != null && !id.isBlank(), s.key(), "must be given").throwIfAny();
        return entry(ops, client, s, id, null, false, true, pbs -> { });
    }

    /** The query that lists every job of {@code kind} (prune, verify, sync), push sync jobs included. */
    public static java.util.Map<String, Object> listQuery(String kind) {
        return JobWire.section(kind).listQuery();
    }

    /** Runs job {@code id} of {@code kind} ({@code prune}, {@code verify}, {@code sync}) now. */
    public static Change<Boolean> runJob(Ops ops, PbsClient client, String kind, String id) {
        dev.ops.core.error.Violations.of(kind + " job").check(id != null && !id.isBlank(), "id", "must be given").throwIfAny();
        return new JobRunChange(ops, client, kind, id);
    }
}
