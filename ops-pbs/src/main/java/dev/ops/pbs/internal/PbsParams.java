package dev.ops.pbs.internal;

import dev.ops.pbs.Namespace;
import dev.ops.pbs.SnapshotRef;
import java.util.LinkedHashMap;
import java.util.Map;

/** The wire parameters that name things on a PBS datastore. */
public final class PbsParams {
    /** {@code user@realm} or {@code user@realm!token}, as PBS's Authid. */
    public static final java.util.regex.Pattern AUTH_ID =
            java.util.regex.Pattern.compile("[^\\s:/\\p{Cntrl}]+@[A-Za-z0-9_][A-Za-z0-9._\\-]*(![A-Za-z0-9_][A-Za-z0-9._\\-]*)?");

    private PbsParams() {}

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
