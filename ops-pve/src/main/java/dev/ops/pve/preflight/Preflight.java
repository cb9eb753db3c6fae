package dev.ops.pve.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.core.change.Action;
import dev.ops.core.change.Plan;
import dev.ops.core.change.Step;
import dev.ops.core.error.AuthenticationException;
import dev.ops.core.error.ConnectionException;
import dev.ops.core.error.OpsException;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.internal.GuestDestroyAction;
import dev.ops.proxmox.change.ApiCallAction;
import dev.ops.pve.node.NodeSummary;
import dev.ops.pve.storage.StorageSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One call that checks a plan's runway, changing nothing: credentials and reachability, that the
 * named nodes are online, that the named storages exist there (active, enabled, holding the content
 * type), and that the client's user or token has every privilege the plan needs
 * ({@code GET /access/permissions}). Reports every problem at once. With a password login, a
 * privilege the login's capabilities ({@code cap}) show held nowhere in its area is decided from
 * them, without asking again (they are as fresh as the ticket; an API token has none).
 *
 * <pre>{@code
 * PreflightReport r = client.preflight().node("pve-01").storage("pve-01", "local-lvm", "images")
 *         .plan(change.plan()).run();
 * r.orThrow();
 * }</pre>
 */
public final class Preflight {
    private final PveClient client;
    private final Set<String> nodes = new LinkedHashSet<>();
    private final Map<String, Set<String>> storages = new LinkedHashMap<>();
    private final Set<Requirement> requirements = new LinkedHashSet<>();

    static {
        dev.ops.proxmox.internal.Handles.register(Preflight.class, a -> new Preflight((PveClient) a[0]));
    }

    private Preflight(PveClient client) {
        this.client = client;
    }

    /** Requires this node to exist and be online. */
    public Preflight node(String node) {
        nodes.add(node);
        return this;
    }

    /** Requires this storage on this node, enabled and active, holding {@code contentTypes} (e.g. {@code images}). */
    public Preflight storage(String node, String storage, String... contentTypes) {
        nodes.add(node);
        storages.computeIfAbsent(node + "/" + storage, k -> new LinkedHashSet<>()).addAll(List.of(contentTypes));
        return this;
    }

    /** Requires {@code privilege} (e.g. {@code VM.Clone}) on {@code aclPath} (e.g. {@code /vms/9000}). */
    public Preflight privilege(String aclPath, String privilege) {
        requirements.add(Requirement.privilege(aclPath, privilege));
        return this;
    }

    /** Requires what every step of {@code plan} (and its undo) needs: nodes and privileges. */
    public Preflight plan(Plan plan) {
        for (Step s : plan.steps()) {
            addAction(s.action());
            s.undo().ifPresent(this::addAction);
        }
        return this;
    }

    private void addAction(Action a) {
        if (a instanceof ApiCallAction c) {
            String n = c.params().get("node") instanceof String s ? s : null;
            if (n != null) {
                nodes.add(n);
            }
            String target = c.params().get("target") instanceof String s ? s : null;
            if (target != null && c.path().endsWith("/clone") || target != null && c.path().endsWith("/migrate")) {
                nodes.add(target);
            }
            requirements.add(RequiredPrivileges.of(c));
        } else if (a instanceof GuestDestroyAction d) {
            nodes.add(d.node());
            requirements.add(Requirement.privilege("/vms/" + d.vmid(), "VM.PowerMgmt"));
            requirements.add(Requirement.privilege("/vms/" + d.vmid(), "VM.Allocate"));
        }
    }

    /** Runs every check and reports all problems; never throws for what it finds. */
    public PreflightReport run() {
        List<PreflightReport.Problem> problems = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        try {
            var v = client.version();
            passed.add("reachable, Proxmox VE " + v.version() + ", credentials accepted for " + client.user());
        } catch (AuthenticationException e) {
            problems.add(new PreflightReport.Problem("credentials", e.getMessage()));
            return new PreflightReport(client.name(), problems, passed);
        } catch (ConnectionException | dev.ops.proxmox.error.ProxmoxCallTimeoutException e) {
            problems.add(new PreflightReport.Problem("reachability", e.getMessage()));
            return new PreflightReport(client.name(), problems, passed);
        } catch (OpsException e) {
            problems.add(new PreflightReport.Problem("api", e.getMessage()));
            return new PreflightReport(client.name(), problems, passed);
        }
        checkNodes(problems, passed);
        checkStorages(problems, passed);
        checkPrivileges(problems, passed);
        return new PreflightReport(client.name(), problems, passed);
    }

    private void checkNodes(List<PreflightReport.Problem> problems, List<String> passed) {
        if (nodes.isEmpty()) {
            return;
        }
        try {
            Map<String, NodeSummary> known = new LinkedHashMap<>();
            client.nodes().forEach(n -> known.put(n.node(), n));
            for (String n : nodes) {
                NodeSummary s = known.get(n);
                if (s == null) {
                    problems.add(new PreflightReport.Problem("node " + n, "is not a node of this cluster (known: " + known.keySet() + ")"));
                } else if (!s.online()) {
                    problems.add(new PreflightReport.Problem("node " + n, "is " + s.status()));
                } else {
                    passed.add("node " + n + " online");
                }
            }
        } catch (OpsException e) {
            problems.add(new PreflightReport.Problem("nodes", e.getMessage()));
        }
    }

    private void checkStorages(List<PreflightReport.Problem> problems, List<String> passed) {
        storages.forEach((key, content) -> {
            String node = key.substring(0, key.indexOf('/'));
            String storage = key.substring(key.indexOf('/') + 1);
            String subject = "storage " + storage + " on " + node;
            try {
                StorageSummary s = client.node(node).storages().stream().filter(x -> x.storage().equals(storage)).findFirst().orElse(null);
                if (s == null) {
                    problems.add(new PreflightReport.Problem(subject, "does not exist or is not available on that node"));
                    return;
                }
                List<String> wrong = new ArrayList<>();
                if (!s.enabled()) {
                    wrong.add("is disabled");
                }
                if (!s.active()) {
                    wrong.add("is not active");
                }
                for (String c : content) {
                    if (!s.content().contains(c)) {
                        wrong.add("does not hold content type " + c + " (holds " + s.content() + ")");
                    }
                }
                if (wrong.isEmpty()) {
                    passed.add(subject + " usable");
                } else {
                    problems.add(new PreflightReport.Problem(subject, String.join(", ", wrong)));
                }
            } catch (OpsException e) {
                problems.add(new PreflightReport.Problem(subject, e.getMessage()));
            }
        });
    }

    private void checkPrivileges(List<PreflightReport.Problem> problems, List<String> passed) {
        Map<String, Set<String>> granted = new LinkedHashMap<>();
        Set<String> unreadable = new LinkedHashSet<>();
        CapabilityAreas caps = requirements.isEmpty() ? null : loginCapabilities();
        for (Requirement r : requirements) {
            for (String path : r.aclPaths()) {
                if (granted.containsKey(path) || unreadable.contains(path)) {
                    continue;
                }
                if (caps != null && privilegesOn(path).stream().allMatch(p -> caps.rulesOut(path, p))) {
                    granted.put(path, Set.of()); // the login's cap shows none of them anywhere: no need to ask
                    passed.add("privileges on " + path + " decided by the login's capabilities, without asking");
                    continue;
                }
                try {
                    granted.put(path, grantedOn(path));
                } catch (OpsException e) {
                    unreadable.add(path);
                    problems.add(new PreflightReport.Problem("privileges on " + path, e.getMessage()));
                }
            }
        }
        String who = "not granted to " + client.user() + (client.usesApiToken() ? " (check the token's privilege separation)" : "");
        Set<String> reported = new LinkedHashSet<>();
        for (Requirement r : requirements) {
            if (r.aclPaths().stream().anyMatch(unreadable::contains)) {
                continue;
            }
            List<String> missing = r.missing(p -> granted.getOrDefault(p, Set.of()));
            if (missing.isEmpty()) {
                (r instanceof Requirement.AllOf all ? all.parts() : List.of(r)).forEach(part -> passed.add("privilege " + part));
                r.unchecked().forEach(u -> passed.add("not checkable here, left to Proxmox: " + u));
            }
            for (String m : missing) {
                if (reported.add(m)) {
                    problems.add(new PreflightReport.Problem("privilege " + m, who));
                }
            }
        }
    }

    /** The login's capabilities, where the client logs in with a password (an API token gets no {@code cap}). */
    private CapabilityAreas loginCapabilities() {
        if (client.usesApiToken()) {
            return null;
        }
        try {
            return client.login().map(CapabilityAreas::new).orElse(null);
        } catch (OpsException e) {
            return null; // the credentials check has reported it; ask path by path
        }
    }

    private Set<String> privilegesOn(String path) {
        Set<String> out = new LinkedHashSet<>();
        requirements.forEach(r -> out.addAll(r.privilegesOn(path)));
        return out;
    }

    private Set<String> grantedOn(String path) {
        JsonNode on = dev.ops.proxmox.internal.NodeValue.tree(client.api().get("/access/permissions", Map.of("path", path))).path(path);
        Set<String> out = new LinkedHashSet<>();
        on.fields().forEachRemaining(e -> {
            if (e.getValue().asInt(0) == 1 || e.getValue().asBoolean(false)) {
                out.add(e.getKey());
            }
        });
        return out;
    }
}
