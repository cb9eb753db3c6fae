package dev.ops.pbs.internal;

import dev.ops.pbs.Namespace;
import dev.ops.pbs.SnapshotRef;
import java.util.LinkedHashMap;
import java.util.Map;

/** The wire parameters that name things on a PBS datastore. */
public final class PbsParams {
    /** {@code user@realm} or {@code user@realm!token}, as PBS's Authid. */
    public static final java.util.regex.Pattern AUTH_ID = dev.ops.proxmox.internal.BackupServerNames.AUTH_ID;

    private PbsParams() {}

    /** Checks the names of one backup group: store, namespace, type and id, each given. */
    public static void checkGroup(dev.ops.core.error.Violations v, String store, Namespace ns, dev.ops.pbs.BackupType type, String id) {
        v.check(store != null && !store.isBlank(), "store", "must be given");
        v.check(ns != null, "ns", "must be given (Namespace.root() for the root)");
        v.check(type != null, "backup-type", "must be given");
        v.check(id != null && !id.isBlank(), "backup-id", "must be given");
    }

    /** Store, ns (left out for the root), backup type, id and time. */
    public static Map<String, Object> snapshot(String store, Namespace ns, SnapshotRef ref) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("store", store);
        if (!ns.isRoot()) {
            p.put("ns", ns.path());
        }
        p.put("backup-type", ref.type().wire());
        p.put("backup-id", ref.id());
        p.put("backup-time", ref.time().getEpochSecond());
        return p;
    }
}
