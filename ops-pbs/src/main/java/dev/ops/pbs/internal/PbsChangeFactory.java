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
}
