package dev.ops.lab.layer.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Changes;
import dev.ops.core.change.CommandAction;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
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

/**
 * Layer L3 as one chain: the site's hosts in batches; per host its packages, kernel parameters
 * (persisted), users with their keys and sudo drop-ins; after each batch, the gate that each host of
 * the batch still answers.
 */
public final class HostChain {
    private final Ops ops;

    public HostChain(Ops ops) {
        this.ops = ops;
    }

    /**
     * The layer over {@code hosts} (each site host with the host that reaches it), {@code batch}
     * hosts at a time. Each batch is two parts: packages, kernel parameters, users and sudo; then,
     * once the users exist, their keys and the batch's gates.
     */
    public Change<List<Object>> build(Map<SiteHost, Host> hosts, int batch) {
        List<Change<List<Object>>> parts = new ArrayList<>();
        List<Map.Entry<SiteHost, Host>> all = new ArrayList<>(hosts.entrySet());
        for (int from = 0; from < all.size(); from += batch) {
            List<Map.Entry<SiteHost, Host>> part = all.subList(from, Math.min(all.size(), from + batch));
            List<Change<?>> first = new ArrayList<>();
            List<Change<?>> then = new ArrayList<>();
            part.forEach(e -> converge(e.getKey(), e.getValue(), first, then));
            int n = from / batch + 1;
            part.forEach(e -> then.add(new GateChange(ops, e.getValue(), "gate: " + e.getKey().name() + " answers after batch " + n,
                    CommandAction.of(e.getValue().name(), Command.of("true")))));
            if (!first.isEmpty()) {
                parts.add(Changes.sequence(first));
            }
            parts.add(Changes.sequence(then));
        }
        Change<List<Object>> layer = null;
        for (Change<List<Object>> part : parts) {
            layer = layer == null ? part : Changes.then(layer, done -> part);
        }
        return layer;
    }

    private void converge(SiteHost site, Host host, List<Change<?>> first, List<Change<?>> then) {
        if (!site.packages().isEmpty()) {
            first.add(Packages.on(host, ops).packages(site.packages().toArray(String[]::new)).present());
        }
        site.sysctl().forEach((k, v) -> first.add(Sysctl.on(host, ops).key(k).persist().set(v)));
        for (SiteUser u : site.users()) {
            first.add(Users.on(host, ops).user(u.name()).memberOf(u.groups().toArray(String[]::new)).present());
            if (u.sudo()) {
                first.add(Sudoers.on(host, ops).dropIn("lab-" + u.name())
                        .rule(r -> r.users(u.name()).noPassword(true).commands("ALL")).present());
            }
            if (!u.keys().isEmpty()) {
                then.add(AuthorizedKeys.on(host, ops).user(u.name()).keys(u.keys().toArray(String[]::new)).present());
            }
        }
    }
}
