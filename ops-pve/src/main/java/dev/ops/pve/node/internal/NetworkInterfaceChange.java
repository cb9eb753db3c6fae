package dev.ops.pve.node.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.proxmox.JsonValue;
import dev.ops.proxmox.internal.SettingsDiff;
import dev.ops.pve.PveClient;
import dev.ops.pve.change.internal.PveChange;
import dev.ops.pve.node.NetworkInterfaceRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node network interface staged as wanted ({@code interfaces.new}): created when missing,
 * updated in the settings that differ, or removed; the plan shows old -> new per setting, and the
 * rollback stages the old state again. Nothing goes live until the node's network is applied
 * (see {@link NetworkApplyChange}).
 */
public final class NetworkInterfaceChange extends PveChange<String, Void> {
    private static final Set<String> READ_ONLY = Set.of("iface", "type", "active", "exists", "families", "priority", "method",
            "method6", "cidr", "cidr6");

    private final String node;
    private final NetworkInterfaceRequest wanted;
    private final String removed;

    /** Stages {@code wanted} on {@code node}; with {@code wanted} null, removes the interface {@code removed}. */
    public NetworkInterfaceChange(Ops ops, PveClient client, String node, NetworkInterfaceRequest wanted, String removed) {
        super(ops, client);
        this.node = node;
        this.wanted = wanted;
        this.removed = removed;
    }

    private String name() {
        return wanted != null ? wanted.iface() : removed;
    }

    @Override
    protected String what() {
        return (wanted != null ? "stage " : "stage removal of ") + name() + " on " + node;
    }

    @Override
    protected Planned<Void> planSteps() {
        JsonValue current = client.api().get("/nodes/{node}/network", Map.of("node", node)).elements().stream()
                .filter(i -> i.path("iface").asText().equals(name())).findFirst().orElse(null);
        String collection = "/nodes/{node}/network";
        String entry = "/nodes/{node}/network/{iface}";
        if (wanted == null) {
            if (current == null) {
                return Planned.<Void>none(null).withNote(name() + " does not exist on " + node);
            }
            return Planned.of(List.of(Step.of("remove " + name() + " from " + node + "'s staged network",
                    call("DELETE", entry, Map.of("node", node, "iface", name())), call("POST", collection, recreate(current)))))
                    .withNote("staged in /etc/network/interfaces.new; live after the node's network is applied");
        }
        if (current == null) {
            Map<String, Object> p = base();
            p.putAll(wanted.settings());
            return Planned.of(List.of(Step.of("add " + name() + " (" + wanted.type() + ") to " + node + "'s staged network",
                    call("POST", collection, p), call("DELETE", entry, Map.of("node", node, "iface", name())))))
                    .withNotes(wanted.settings().entrySet().stream().map(e -> e.getKey() + ": (absent) -> " + e.getValue()).toList())
                    .withNote("staged in /etc/network/interfaces.new; live after the node's network is applied");
        }
        SettingsDiff d = SettingsDiff.of(SettingsDiff.texts(current), wanted.settings(), "(absent)");
        if (d.isEmpty()) {
            return Planned.none(null);
        }
        return Planned.of(List.of(Step.of("update " + name() + " in " + node + "'s staged network",
                call("PUT", entry, d.forward(base())), call("PUT", entry, d.undo(base()))))).withNotes(d.lines())
                .withNote("staged in /etc/network/interfaces.new; live after the node's network is applied");
    }

    private Map<String, Object> base() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("node", node);
        p.put("iface", name());
        p.put("type", wanted != null ? wanted.type() : "unknown");
        return p;
    }

    /** The create call that puts {@code current} back as it was. */
    private Map<String, Object> recreate(JsonValue current) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("node", node);
        p.put("iface", name());
        p.put("type", current.path("type").asText());
        for (String k : current.fieldNames()) {
            if (!READ_ONLY.contains(k) && !current.path(k).isNull()) {
                p.put(k, current.path(k).asText());
            }
        }
        return p;
    }

    @Override
    protected String result(Void none) {
        return name();
    }
}
