package dev.ops.pbs.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.Violations;
import dev.ops.pbs.Namespace;
import dev.ops.pbs.PbsClient;
import dev.ops.pbs.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deletes a namespace, its child namespaces and every backup in them. The plan names what it holds
 * (child namespaces, groups with their snapshot counts); a protected snapshot anywhere below refuses
 * the change at plan. An empty namespace comes back on rollback (with its children); backups, once
 * deleted, do not, so a namespace holding any is deleted by an irreversible step.
 */
final class NamespaceDeleteChange extends PbsChange<Namespace, Void> {
    private final String store;
    private final Namespace ns;

    NamespaceDeleteChange(Ops ops, PbsClient pbs, String store, Namespace ns) {
        super(ops, pbs);
        this.store = store;
        this.ns = ns;
    }

    @Override
    protected String what() {
        return "delete namespace " + ns + " of datastore " + store;
    }

    @Override
    protected void validate(Violations v) {
        v.check(store != null && !store.isBlank(), "store", "must be given");
        v.check(ns != null && !ns.isRoot(), "ns", "name a namespace below the root (the root cannot be deleted)");
    }

    @Override
    protected Planned<Void> planSteps() {
        List<Namespace> all = pbs.datastore(store).namespaces();
        if (!all.contains(ns)) {
            return Planned.none(null);
        }
        List<Namespace> below = all.stream().filter(n -> n.path().startsWith(ns.path() + "/")).toList();
        Map<String, Integer> groups = new TreeMap<>();
        List<String> isProtected = new ArrayList<>();
        int snapshots = 0;
        for (Namespace n : concat(ns, below)) {
            for (Snapshot s : pbs.datastore(store).snapshots(n)) {
                groups.merge((n.equals(ns) ? "" : n.path() + ":") + s.ref().group(), 1, Integer::sum);
                snapshots++;
                if (s.isProtected()) {
                    isProtected.add(n.path() + ":" + s.ref());
                }
            }
        }
        if (!isProtected.isEmpty()) {
            throw new ConflictException("namespace " + ns + " of " + store, "holds protected snapshots " + isProtected
                    + "; unprotect them first (PBS refuses too)", false);
        }
        String holds = "holds " + (below.isEmpty() ? "no child namespace" : "child namespaces " + below.stream().map(Namespace::path).toList())
                + ", " + (groups.isEmpty() ? "no backup" : groups.size() + " group(s) with " + snapshots + " snapshot(s): " + groups);
        if (snapshots > 0) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("store", store);
            p.put("ns", ns.path());
            p.put("delete-groups", true);
            p.put("error-on-protected", true);
            return Planned.of(List.of(Step.irreversible(what() + " (" + holds + "; the backups are gone for good)",
                    call("DELETE", "/admin/datastore/{store}/namespace", p))))
                    .withNote("namespace " + ns + " " + holds);
        }
        // Empty: each namespace is deleted by a step of its own, deepest first, whose undo creates it
        // again, so that rollback (newest first) rebuilds the tree parents first.
        List<Namespace> order = new ArrayList<>(below);
        order.sort(java.util.Comparator.comparingInt(Namespace::depth).reversed().thenComparing(Namespace::path));
        order.add(ns);
        List<Step> steps = new ArrayList<>();
        for (Namespace n : order) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("store", store);
            one.put("ns", n.path());
            one.put("delete-groups", false);
            steps.add(Step.of("delete empty namespace " + n + " of " + store, call("DELETE", "/admin/datastore/{store}/namespace", one),
                    create(n)));
        }
        return Planned.of(steps).withNote("namespace " + ns + " " + holds);
    }

    private dev.ops.proxmox.change.ApiCallAction create(Namespace n) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("store", store);
        p.put("name", n.name());
        if (!n.parent().isRoot()) {
            p.put("parent", n.parent().path());
        }
        return call("POST", "/admin/datastore/{store}/namespace", p);
    }

    private static List<Namespace> concat(Namespace first, List<Namespace> rest) {
        List<Namespace> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    @Override
    protected Namespace result(Void none) {
        return ns;
    }
}
