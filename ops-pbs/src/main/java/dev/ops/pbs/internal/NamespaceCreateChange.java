package dev.ops.pbs.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.Violations;
import dev.ops.pbs.Namespace;
import dev.ops.pbs.PbsClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creates a namespace under an existing parent; the undo removes it, which PBS does only while it is empty. */
final class NamespaceCreateChange extends PbsChange<Namespace, Void> {
    private final String store;
    private final Namespace ns;

    NamespaceCreateChange(Ops ops, PbsClient pbs, String store, Namespace ns) {
        super(ops, pbs);
        this.store = store;
        this.ns = ns;
    }

    @Override
    protected String what() {
        return "create namespace " + ns + " in datastore " + store;
    }

    @Override
    protected void validate(Violations v) {
        v.check(store != null && !store.isBlank(), "store", "must be given");
        v.check(ns != null && !ns.isRoot(), "ns", "name a namespace below the root");
    }

    @Override
    protected Planned<Void> planSteps() {
        List<Namespace> existing = pbs.datastore(store).namespaces();
        if (existing.contains(ns)) {
            return Planned.none(null);
        }
        if (!existing.contains(ns.parent())) {
            throw new NotFoundException("namespace " + ns.parent() + " in datastore " + store, "does not exist, so " + ns
                    + " cannot be created under it");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("store", store);
        p.put("name", ns.name());
        if (!ns.parent().isRoot()) {
            p.put("parent", ns.parent().path());
        }
        Map<String, Object> undo = new LinkedHashMap<>();
        undo.put("store", store);
        undo.put("ns", ns.path());
        undo.put("delete-groups", false);
        return Planned.of(List.of(Step.of("create namespace " + ns + " in " + store,
                call("POST", "/admin/datastore/{store}/namespace", p),
                call("DELETE", "/admin/datastore/{store}/namespace", undo))));
    }

    @Override
    protected Namespace result(Void none) {
        return ns;
    }
}
