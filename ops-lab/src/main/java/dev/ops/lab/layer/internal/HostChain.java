package dev.ops.lab.layer.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Changes;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.Targets;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.lab.catalog.Catalog;
import dev.ops.lab.catalog.HostConvergence;
import dev.ops.lab.catalog.internal.CatalogChange;
import dev.ops.lab.catalog.internal.CatalogKeys;
import dev.ops.lab.catalog.internal.ConvergenceRecordAction;
import dev.ops.lab.site.SiteHost;
import dev.ops.lab.site.SiteUser;
import dev.ops.sys.pkg.Packages;
import dev.ops.sys.sysctl.Sysctl;
import dev.ops.usr.account.Users;
import dev.ops.usr.ssh.AuthorizedKeys;
import dev.ops.usr.sudo.Sudoers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Layer L3 as one chain: the site's hosts in batches; per host a safety snapshot first when it is a
 * site guest and the site takes one before its upgrades or configuration changes, then its packages,
 * kernel parameters (persisted), users with their keys and sudo drop-ins; after each batch, the gate
 * that each host of the batch still answers, and the record that L3 converged it.
 */
public final class HostChain {
    private final Ops ops;
    private final Catalog catalog;
    private final BiFunction<SiteHost, List<String>, Optional<Change<?>>> snapshot;

    /**
     * @param snapshot the safety snapshot to take before converging a host, given the triggers its
     *     steps are ({@code upgrade} for packages, {@code config_change} for the rest); empty for none
     */
    public HostChain(Ops ops, Catalog catalog, BiFunction<SiteHost, List<String>, Optional<Change<?>>> snapshot) {
        this.ops = ops;
        this.catalog = catalog;
        this.snapshot = snapshot;
    }

    /**
     * The layer over {@code hosts} (each site host with the host that reaches it), {@code batch}
     * hosts at a time. Each batch is two parts: snapshots, packages, kernel parameters, users and
     * sudo; then, once the users exist, their keys, the batch's gates and records. A batch after the
     * first is made when it is reached (what a host needs is read then).
     */
    public Change<List<Object>> build(Map<SiteHost, Host> hosts, int batch) {
        List<Map.Entry<SiteHost, Host>> all = new ArrayList<>(hosts.entrySet());
        return batch(all, batch, 0);
    }

    private Change<List<Object>> batch(List<Map.Entry<SiteHost, Host>> all, int size, int from) {
        List<Map.Entry<SiteHost, Host>> part = all.subList(from, Math.min(all.size(), from + size));
        List<Change<?>> first = new ArrayList<>();
        List<Change<?>> then = new ArrayList<>();
        List<Map.Entry<SiteHost, Host>> gated = new ArrayList<>();
        for (Map.Entry<SiteHost, Host> e : part) {
            // A host already converged and recorded plans nothing (idempotent): no gate, no new record.
            if (converge(e.getKey(), e.getValue(), first, then) || catalog.convergence(e.getKey().name()).isEmpty()) {
                gated.add(e);
            }
        }
        if (first.isEmpty() && then.isEmpty() && gated.isEmpty()) {
            gated.addAll(part); // nothing at all to converge: the gates are the layer, so that it is still a change
        }
        int n = from / size + 1;
        for (Map.Entry<SiteHost, Host> e : gated) {
            then.add(new GateChange(ops, e.getValue(), "gate: " + e.getKey().name() + " answers after batch " + n,
                    CommandAction.of(e.getValue().name(), Command.of("true"))));
            then.add(record(e.getKey(), e.getValue()));
        }
        Change<List<Object>> layer = then.isEmpty() ? Changes.sequence(first)
                : first.isEmpty() ? Changes.sequence(then) : Changes.then(Changes.sequence(first), done -> Changes.sequence(then));
        if (from + size >= all.size()) {
            return layer;
        }
        return Changes.then(layer, done -> batch(all, size, from + size));
    }

    /** Adds what converging {@code site} takes to {@code first} and {@code then}; whether any of it changes something. */
    private boolean converge(SiteHost site, Host host, List<Change<?>> first, List<Change<?>> then) {
        List<Change<?>> mine = new ArrayList<>();
        List<Change<?>> keys = new ArrayList<>();
        if (!site.packages().isEmpty()) {
            mine.add(Packages.on(host, ops).packages(site.packages().toArray(String[]::new)).present());
        }
        site.sysctl().forEach((k, v) -> mine.add(Sysctl.on(host, ops).key(k).persist().set(v)));
        for (SiteUser u : site.users()) {
            mine.add(Users.on(host, ops).user(u.name()).memberOf(u.groups().toArray(String[]::new)).present());
            if (u.sudo()) {
                mine.add(Sudoers.on(host, ops).dropIn("lab-" + u.name())
                        .rule(r -> r.users(u.name()).noPassword(true).commands("ALL")).present());
            }
            if (!u.keys().isEmpty()) {
                keys.add(AuthorizedKeys.on(host, ops).user(u.name()).keys(u.keys().toArray(String[]::new)).present());
            }
        }
        List<String> triggers = new ArrayList<>();
        if (!site.packages().isEmpty()) {
            triggers.add("upgrade");
        }
        if (!site.sysctl().isEmpty() || !site.users().isEmpty()) {
            triggers.add("config_change");
        }
        boolean changes = changes(mine, keys);
        if (!triggers.isEmpty() && changes) {
            snapshot.apply(site, triggers).ifPresent(first::add);
        }
        first.addAll(mine);
        if (changes) {
            then.addAll(keys); // they need the users first; when nothing changes they have nothing to add after them
        }
        return changes;
    }

    /** Whether converging the host changes anything (a user's keys are read only once its user exists). */
    private static boolean changes(List<Change<?>> mine, List<Change<?>> keys) {
        return mine.stream().anyMatch(c -> !c.plan().steps().isEmpty()) || keys.stream().anyMatch(c -> !c.plan().steps().isEmpty());
    }

    private Change<HostConvergence> record(SiteHost site, Host host) {
        HostConvergence record = new HostConvergence(site.name(), site.address(), ops.clock().instant().toString());
        String previous = catalog.convergence(site.name()).map(p -> new String(CatalogKeys.write(p), java.nio.charset.StandardCharsets.UTF_8))
                .orElse("");
        return new CatalogChange<>(ops, Targets.of(host), "record that layer L3 converged " + site.name(), ConvergenceRecordAction.of(record),
                new ConvergenceRecordAction(site.name(), previous), store -> record);
    }
}
