package dev.ops.pve.ha;

import java.util.List;
import java.util.Map;

/**
 * An HA rule as {@code /cluster/ha/rules} keeps it.
 *
 * @param rule the rule's id
 * @param type what it does
 * @param resources the HA resources it applies to
 * @param nodes for node affinity, the nodes and their priorities, in order
 * @param strict for node affinity, whether only the named nodes may run the resources
 * @param affinity for resource affinity, {@code positive} or {@code negative}; empty otherwise
 * @param comment the description, empty for none
 * @param disabled whether the rule is kept but not enforced
 */
public record HaRule(String rule, HaRuleType type, List<String> resources, Map<String, Integer> nodes, boolean strict,
        String affinity, String comment, boolean disabled) {

    public HaRule {
        resources = List.copyOf(resources);
        nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
    }
}
