package dev.ops.pve.node.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.Violations;
import dev.ops.proxmox.JsonValue;
import dev.ops.proxmox.internal.SettingsDiff;
import dev.ops.pve.PveClient;
import dev.ops.pve.change.internal.PveChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Firewall options of the cluster ({@code /cluster/firewall/options}) or of one node's host
 * firewall: only the options that differ are sent, guarded by the digest read at plan time; the
 * plan shows each as old -> new; rollback puts the old values back and removes the ones that were
 * not set.
 */
public final class FirewallOptionsChange extends PveChange<Map<String, String>, Void> {
    private final String node;
    private final Map<String, String> wanted;

    /** Options of {@code node}'s host firewall, or of the cluster when {@code node} is null. */
    public FirewallOptionsChange(Ops ops, PveClient client, String node, Map<String, String> wanted) {
        super(ops, client);
        this.node = node;
        this.wanted = Map.copyOf(wanted);
    }

    private String path() {
        return node == null ? "/cluster/firewall/options" : "/nodes/{node}/firewall/options";
    }

    private Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (node != null) {
            p.put("node", node);
        }
        return p;
    }

    @Override
    protected String what() {
        return "set " + (node == null ? "cluster" : node + " host") + " firewall options " + wanted.keySet();
    }

    @Override
    protected void validate(Violations v) {
        v.check(!wanted.isEmpty(), "options", "name at least one option");
        wanted.forEach((k, val) -> v.check(k.matches("[a-z][a-z0-9_]*"), "options", "'" + k + "' is not an option name"));
    }

    @Override
    protected Planned<Void> planSteps() {
        JsonValue now = client.api().get(path(), params());
        SettingsDiff d = SettingsDiff.of(SettingsDiff.texts(now), wanted, "(default)");
        if (d.isEmpty()) {
            return Planned.none(null);
        }
        Map<String, Object> set = d.forward(params());
        set.put("digest", now.path("digest").asText());
        return Planned.of(List.of(Step.of("set " + (node == null ? "cluster" : node + " host") + " firewall options "
                + String.join(", ", d.names()), call("PUT", path(), set), call("PUT", path(), d.undo(params()))))).withNotes(d.lines());
    }

    @Override
    protected Map<String, String> result(Void none) {
        Map<String, String> out = new java.util.TreeMap<>();
        JsonValue v = client.api().get(path(), params());
        v.fieldNames().stream().filter(k -> !k.equals("digest")).forEach(k -> out.put(k, v.path(k).asText()));
        return out;
    }
}
