package dev.ops.pve.ha;

import dev.ops.core.error.Violations;
import dev.ops.pve.PveIds;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An HA rule as wanted (Proxmox VE 9, {@code /cluster/ha/rules}): a node-affinity rule keeps its
 * resources on the named nodes, the highest priority first; a resource-affinity rule keeps its
 * resources together ({@code positive}) or apart ({@code negative}).
 *
 * <pre>{@code
 * client.changes(ops).haRule(r -> r.rule("db-on-fast").nodeAffinity()
 *         .addResources("vm:101").putNodes("pve2", 2).putNodes("pve1", 1).strict(true));
 * client.changes(ops).haRule(r -> r.rule("web-apart").keepApart().addResources("vm:201", "vm:202"));
 * }</pre>
 */
@Value.Immutable
public abstract class HaRuleRequest {

    /** The rule's id (a letter, then letters, digits, {@code -} or {@code _}). */
    public abstract String rule();

    /** What the rule does. */
    public abstract HaRuleType type();

    /** The HA resources it applies to ({@code vm:101}, {@code ct:102}), in order. */
    public abstract List<String> resources();

    /** For node affinity: the nodes and their priorities (higher wins), in order. */
    public abstract Map<String, Integer> nodes();

    /** For node affinity: whether the resources may run only on the named nodes. */
    @Value.Default
    public boolean strict() {
        return false;
    }

    /** For resource affinity: {@code true} to keep the resources on one node, {@code false} to keep them apart. */
    public abstract Optional<Boolean> together();

    /** A description. */
    public abstract Optional<String> comment();

    /** Whether the rule is kept but not enforced. */
    @Value.Default
    public boolean disabled() {
        return false;
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's settings, to derive a changed copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    @Value.Check
    protected void check() {
        Violations v = Violations.of("HA rule");
        v.check(rule().matches("[A-Za-z][A-Za-z0-9_\\-]{1,127}"), "rule", "'" + rule() + "' is not a rule id (a letter, then letters, digits, - or _)");
        v.check(!resources().isEmpty(), "resources", "must name at least one HA resource");
        for (String sid : resources()) {
            v.check(sid.matches("(vm|ct):[1-9][0-9]{2,8}"), "resources", "'" + sid + "' is not an HA resource id (vm:101, ct:102)");
        }
        v.check(resources().size() == resources().stream().distinct().count(), "resources", "names a resource twice");
        if (type() == HaRuleType.NODE_AFFINITY) {
            v.check(!nodes().isEmpty(), "nodes", "a node-affinity rule names at least one node");
            nodes().forEach((node, prio) -> {
                PveIds.checkNode(v, "nodes", node);
                v.check(prio >= 0 && prio <= 1000, "nodes", "priority of " + node + " is " + prio + ", not within 0..1000");
            });
            v.check(together().isEmpty(), "together", "belongs to a resource-affinity rule");
        } else {
            v.check(together().isPresent(), "together", "a resource-affinity rule says whether its resources stay together or apart");
            v.check(nodes().isEmpty(), "nodes", "belong to a node-affinity rule");
            v.check(!strict(), "strict", "belongs to a node-affinity rule");
            v.check(resources().size() >= 2, "resources", "a resource-affinity rule relates at least two resources");
        }
        comment().ifPresent(c -> v.check(!c.contains("\n"), "comment", "must be one line"));
        v.throwIfAny();
    }

    /** Builds an {@link HaRuleRequest}. */
    public static final class Builder extends ImmutableHaRuleRequest.Builder {
        /** A node-affinity rule. */
        public Builder nodeAffinity() {
            return (Builder) type(HaRuleType.NODE_AFFINITY);
        }

        /** A positive resource-affinity rule: the resources run on one node. */
        public Builder keepTogether() {
            return (Builder) type(HaRuleType.RESOURCE_AFFINITY).together(true);
        }

        /** A negative resource-affinity rule: the resources run on different nodes. */
        public Builder keepApart() {
            return (Builder) type(HaRuleType.RESOURCE_AFFINITY).together(false);
        }
    }
}
