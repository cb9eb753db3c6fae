package dev.ops.pbs.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.Violations;
import dev.ops.pbs.BackupGroup;
import dev.ops.pbs.BackupType;
import dev.ops.pbs.Namespace;
import dev.ops.pbs.PbsClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gives a backup group a new owner (a user or an API token); the undo gives it back to the old one. */
final class OwnerChange extends PbsChange<String, Void> {
    private final String store;
    private final Namespace ns;
    private final BackupType type;
    private final String id;
    private final String owner;

    OwnerChange(Ops ops, PbsClient pbs, String store, Namespace ns, BackupType type, String id, String owner) {
        super(ops, pbs);
        this.store = store;
        this.ns = ns;
        this.type = type;
        this.id = id;
        this.owner = owner;
    }

    @Override
    protected String what() {
        return "give backup group " + (type == null ? "?" : type.wire()) + "/" + id + " in " + store
                + (ns == null || ns.isRoot() ? "" : " ns " + ns) + " to " + owner;
    }

    @Override
    protected void validate(Violations v) {
        PbsParams.checkGroup(v, store, ns, type, id);
        v.check(owner != null && PbsParams.AUTH_ID.matcher(owner).matches(), "new-owner", "'" + owner + "' is not user@realm or user@realm!token");
    }

    @Override
    protected Planned<Void> planSteps() {
        BackupGroup group = pbs.datastore(store).groups(ns).stream().filter(g -> g.type() == type && g.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("backup group " + type.wire() + "/" + id + " in datastore " + store
                        + (ns.isRoot() ? "" : " ns " + ns), "does not exist"));
        String old = group.owner().orElse("");
        if (old.equals(owner)) {
            return Planned.none(null);
        }
        if (old.isEmpty()) {
            return Planned.of(List.of(Step.irreversible(what() + " (it has no owner to give it back to)", call("POST",
                    "/admin/datastore/{store}/change-owner", params(owner)))));
        }
        return Planned.of(List.of(Step.of(what() + " (owner was " + old + ")", call("POST", "/admin/datastore/{store}/change-owner",
                params(owner)), call("POST", "/admin/datastore/{store}/change-owner", params(old)))));
    }

    private Map<String, Object> params(String newOwner) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("store", store);
        if (!ns.isRoot()) {
            p.put("ns", ns.path());
        }
        p.put("backup-type", type.wire());
        p.put("backup-id", id);
        p.put("new-owner", newOwner);
        return p;
    }

    @Override
    protected String result(Void none) {
        return owner;
    }
}
