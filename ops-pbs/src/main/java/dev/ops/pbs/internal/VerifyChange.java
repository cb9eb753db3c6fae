package dev.ops.pbs.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.Violations;
import dev.ops.pbs.Namespace;
import dev.ops.pbs.PbsClient;
import dev.ops.pbs.Snapshot;
import dev.ops.pbs.VerifyScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies a snapshot, a backup group or a whole datastore ({@code POST .../verify}) and awaits the
 * task: a verification that finds damage ends its task failed, which apply throws as ops-pve's task
 * failure. Verifying changes nothing but the snapshots' verification state, so there is no undo.
 * Yields the verified snapshots as the server lists them afterwards.
 */
final class VerifyChange extends PbsChange<List<Snapshot>, Void> {
    private final String store;
    private final Namespace ns;
    private final VerifyScope scope;

    VerifyChange(Ops ops, PbsClient pbs, String store, Namespace ns, VerifyScope scope) {
        super(ops, pbs);
        this.store = store;
        this.ns = ns;
        this.scope = scope;
    }

    @Override
    protected String what() {
        return "verify " + (scope == null ? "?" : scope) + " in datastore " + store + (ns == null || ns.isRoot() ? "" : " ns " + ns);
    }

    @Override
    protected void validate(Violations v) {
        v.check(store != null && !store.isBlank(), "store", "must be given");
        v.check(ns != null, "ns", "must be given (Namespace.root() for the root)");
        v.check(scope != null, "scope", "must be given");
    }

    @Override
    protected Planned<Void> planSteps() {
        if (pbs.datastores().stream().noneMatch(d -> d.name().equals(store))) {
            throw new NotFoundException("datastore " + store, "does not exist");
        }
        if (!pbs.datastore(store).namespaces().contains(ns)) {
            throw new NotFoundException("namespace " + ns + " in datastore " + store, "does not exist");
        }
        List<Snapshot> covered = covered();
        if (covered.isEmpty() && scope.ref().isPresent()) {
            throw new NotFoundException(scope + " in datastore " + store, "does not exist");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("store", store);
        if (!ns.isRoot()) {
            p.put("ns", ns.path());
        }
        scope.type().ifPresent(t -> p.put("backup-type", t.wire()));
        scope.id().ifPresent(i -> p.put("backup-id", i));
        scope.ref().ifPresent(r -> p.put("backup-time", r.time().getEpochSecond()));
        if (scope.ignoreVerified()) {
            p.put("ignore-verified", true);
        }
        long failed = covered.stream().filter(s -> s.verification().filter("failed"::equals).isPresent()).count();
        long never = covered.stream().filter(s -> s.verification().isEmpty()).count();
        return Planned.of(List.of(Step.irreversible(what() + " (" + covered.size() + " snapshot(s), " + never + " never verified, "
                + failed + " failed before; only their verification state changes)", task("POST", "/admin/datastore/{store}/verify", p))));
    }

    private List<Snapshot> covered() {
        List<Snapshot> out = new ArrayList<>();
        if (scope.type().isPresent()) {
            for (Snapshot s : pbs.datastore(store).snapshots(ns, scope.type().get(), scope.id().orElseThrow())) {
                if (scope.ref().isEmpty() || scope.ref().get().equals(s.ref())) {
                    out.add(s);
                }
            }
            return out;
        }
        for (Namespace n : pbs.datastore(store).namespaces()) {
            if (n.equals(ns) || ns.isRoot() || n.path().startsWith(ns.path() + "/")) {
                out.addAll(pbs.datastore(store).snapshots(n));
            }
        }
        return out;
    }

    @Override
    protected List<Snapshot> result(Void none) {
        return List.copyOf(covered());
    }
}
