package dev.ops.pve.ha.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.Violations;
import dev.ops.proxmox.change.ApiCallAction;
import dev.ops.proxmox.internal.SettingsDiff;
import dev.ops.pve.PveClient;
import dev.ops.pve.change.internal.PveChange;
import dev.ops.pve.ha.Ha;
import dev.ops.pve.ha.HaRule;
import dev.ops.pve.ha.HaRuleRequest;
import dev.ops.pve.ha.HaRuleType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HA rule as wanted (created, or updated in what differs; rollback removes it or puts its old
 * settings back), or removed (rollback makes it again). A rule's type cannot change in place: the
 * plan refuses it. On a cluster without HA rules (before Proxmox VE 9) the plan says so.
 */
public final class HaRuleChange extends PveChange<Optional<HaRule>, Void> {
    private static final String COLLECTION = "/cluster/ha/rules";
    private static final String ENTRY = "/cluster/ha/rules/{rule}";

    private final HaRuleRequest wanted;
    private final String removed;

    /** {@code wanted} present; with {@code wanted} null, the rule {@code removed} absent. */
    public HaRuleChange(Ops ops, PveClient client, HaRuleRequest wanted, String removed) {
        super(ops, client);
        this.wanted = wanted;
        this.removed = removed;
    }

    private String id() {
        return wanted != null ? wanted.rule() : removed;
    }

    @Override
    protected String what() {
        return wanted != null ? "HA rule " + id() : "remove HA rule " + id();
    }

    @Override
    protected Planned<Void> planSteps() {
        Optional<HaRule> now = current();
        if (wanted == null) {
            if (now.isEmpty()) {
                return Planned.<Void>none(null).withNote("no HA rule " + id());
            }
            return Planned.of(List.of(Step.of("remove HA rule " + id(), call("DELETE", ENTRY, Map.of("rule", id())), create(now.get()))));
        }
        if (now.isEmpty()) {
            return Planned.of(List.of(Step.of("create " + wanted.type().wire() + " HA rule " + id() + " for " + wanted.resources(),
                    call("POST", COLLECTION, withIds(wanted.type(), settings(wanted))), call("DELETE", ENTRY, Map.of("rule", id())))));
        }
        HaRule rule = now.get();
        if (rule.type() != wanted.type()) {
            Violations v = Violations.of("HA rule " + id());
            v.add("type", "is " + rule.type().wire() + " on the cluster, not " + wanted.type().wire()
                    + "; a rule's type cannot change: remove the rule and make it again");
            v.throwIfAny();
        }
        SettingsDiff d = SettingsDiff.replacing(settings(rule), settings(wanted), "(none)");
        if (d.isEmpty()) {
            return Planned.none(null);
        }
        Map<String, Object> base = Map.of("rule", id(), "type", wanted.type().wire());
        return Planned.of(List.of(Step.of("update HA rule " + id(), call("PUT", ENTRY, d.forward(base)),
                call("PUT", ENTRY, d.undo(base))))).withNotes(d.lines());
    }

    private Optional<HaRule> current() {
        var version = client.version();
        if (version.major() > 0 && version.major() < 9) {
            Violations v = Violations.of("HA rule " + id());
            v.add("rule", "this cluster runs Proxmox VE " + version.version()
                    + ", which has no HA rules (they came with Proxmox VE 9; before it, HA groups place resources)");
            v.throwIfAny();
        }
        return client.ha().rule(id());
    }

    private ApiCallAction create(HaRule rule) {
        return call("POST", COLLECTION, withIds(rule.type(), settings(rule)));
    }

    private Map<String, Object> withIds(HaRuleType type, Map<String, String> settings) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("rule", id());
        p.put("type", type.wire());
        p.putAll(settings);
        return p;
    }

    private static Map<String, String> settings(HaRuleRequest r) {
        return settings(r.type(), r.resources(), r.nodes(), r.strict(), r.together().map(t -> t ? "positive" : "negative").orElse(""),
                r.comment().orElse(""), r.disabled());
    }

    private static Map<String, String> settings(HaRule r) {
        return settings(r.type(), r.resources(), r.nodes(), r.strict(), r.affinity(), r.comment(), r.disabled());
    }

    /** A rule's settings as the API takes them; what is off or empty is left out. */
    private static Map<String, String> settings(HaRuleType type, List<String> resources, Map<String, Integer> nodes, boolean strict,
            String affinity, String comment, boolean disabled) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("resources", String.join(",", resources));
        if (type == HaRuleType.NODE_AFFINITY) {
            p.put("nodes", HaRules.nodesWire(nodes));
            if (strict) {
                p.put("strict", "1");
            }
        }
        if (!affinity.isEmpty()) {
            p.put("affinity", affinity);
        }
        if (!comment.isEmpty()) {
            p.put("comment", comment);
        }
        if (disabled) {
            p.put("disable", "1");
        }
        return p;
    }

    @Override
    protected Optional<HaRule> result(Void none) {
        return client.ha().rule(id());
    }
}
