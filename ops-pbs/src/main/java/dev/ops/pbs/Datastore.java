package dev.ops.pbs;

import dev.ops.proxmox.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One datastore's reads: its space, namespaces, groups and snapshots. A handle: it never changes anything. */
public final class Datastore {
    static {
        SnapshotReader.splitListings(); // before the first listing: a large one is read in pieces, on more than one thread
    }

    private final PbsClient client;
    private final String name;

    Datastore(PbsClient client, String name) {
        this.client = client;
        this.name = name;
    }

    /** The datastore's name. */
    public String name() {
        return name;
    }

    /** {@code GET /admin/datastore/{store}/status}: total, used and available bytes. */
    public DatastoreStatus status() {
        JsonValue v = client.api().get("/admin/datastore/{store}/status", Map.of("store", name));
        return new DatastoreStatus(v.path("total").asLong(), v.path("used").asLong(), v.path("avail").asLong());
    }

    /** {@code GET /admin/datastore/{store}/gc}: the chunk store and the last garbage collection. */
    public GcStatus gcStatus() {
        return GcStatus.from(client.api().get("/admin/datastore/{store}/gc", Map.of("store", name)));
    }

    /** {@code GET /admin/datastore/{store}/namespace}: every namespace, the root included, in path order. */
    public List<Namespace> namespaces() {
        List<Namespace> out = new ArrayList<>();
        client.api().get("/admin/datastore/{store}/namespace", Map.of("store", name)).elements()
                .forEach(e -> out.add(Namespace.of(e.path("ns").asText(""))));
        out.sort(Comparator.comparing(Namespace::path));
        return out;
    }

    /** The backup groups of namespace {@code ns}, by type and id. */
    public List<BackupGroup> groups(Namespace ns) {
        List<BackupGroup> out = new ArrayList<>();
        client.api().get("/admin/datastore/{store}/groups", params(ns)).elements().forEach(e -> out.add(BackupGroup.from(e)));
        out.sort(Comparator.comparing(BackupGroup::group));
        return out;
    }

    /**
     * By group ({@code type/id} as text) and newest first. Comparing the type's wire name and then the
     * id orders as comparing {@code type/id} does (no wire name is a prefix of another), without
     * building the group's text twice per comparison.
     */
    private static final Comparator<Snapshot> BY_GROUP_NEWEST_FIRST = (a, b) -> {
        int c = a.type() == b.type() ? 0 : a.type().wire().compareTo(b.type().wire());
        if (c == 0) {
            c = a.id().compareTo(b.id());
        }
        return c != 0 ? c : b.time().compareTo(a.time());
    };

    /** Every snapshot of namespace {@code ns}, by group and then newest first (whatever order the server sent). */
    public List<Snapshot> snapshots(Namespace ns) {
        return snapshots(ns, null, null);
    }

    /** The snapshots of one group of namespace {@code ns}, newest first. */
    public List<Snapshot> snapshots(Namespace ns, BackupType type, String id) {
        Map<String, Object> p = params(ns);
        if (type != null) {
            p.put("backup-type", type.wire());
            p.put("backup-id", id);
        }
        List<Snapshot> out = new ArrayList<>(client.api().list("/admin/datastore/{store}/snapshots", p, Snapshot.class));
        for (Snapshot s : out) {
            if (s.unknownType != null) {
                BackupType.parse(s.unknownType); // refuses it, naming the type
            }
        }
        out.sort(BY_GROUP_NEWEST_FIRST);
        return out;
    }

    /** The snapshot {@code ref} of namespace {@code ns}, if it exists. */
    public java.util.Optional<Snapshot> snapshot(Namespace ns, SnapshotRef ref) {
        return snapshots(ns, ref.type(), ref.id()).stream().filter(s -> s.time().equals(ref.time())).findFirst();
    }

    /** {@code GET /admin/datastore/{store}/notes}: the full notes of snapshot {@code ref}, empty text when none. */
    public String notes(Namespace ns, SnapshotRef ref) {
        JsonValue v = client.api().get("/admin/datastore/{store}/notes", dev.ops.pbs.internal.PbsParams.snapshot(name, ns, ref));
        return v == null || v.isNull() || v.isMissing() ? "" : v.asText("");
    }

    private Map<String, Object> params(Namespace ns) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("store", name);
        if (!ns.isRoot()) {
            p.put("ns", ns.path());
        }
        return p;
    }

    /** Verification and RPO of each backup group of namespace {@code ns}, measured against {@code policy}. */
    public VerificationReport verificationReport(Namespace ns, ReportPolicy policy) {
        return VerificationReport.of(name, ns, snapshots(ns), java.util.Objects.requireNonNull(policy, "policy"));
    }

    /** The same, with a policy filled in by {@code policy}. */
    public VerificationReport verificationReport(Namespace ns, java.util.function.Consumer<ReportPolicy.Builder> policy) {
        ReportPolicy.Builder b = ReportPolicy.builder();
        policy.accept(b);
        return verificationReport(ns, b.build());
    }

    @Override
    public String toString() {
        return "Datastore[" + name + " on " + client.name() + "]";
    }
}
