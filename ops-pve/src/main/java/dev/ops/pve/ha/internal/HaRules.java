package dev.ops.pve.ha.internal;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.proxmox.JsonValue;
import dev.ops.pve.ha.HaRule;
import dev.ops.pve.ha.HaRuleType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The wire forms of HA rules: {@code pve-ha-node-list} ({@code pve2:2,pve1}) and resource lists. */
public final class HaRules {
    private HaRules() {}

    /** A rule as the API lists it. */
    public static HaRule read(JsonValue r) {
        return new HaRule(r.path("rule").asText(), HaRuleType.ofWire(r.path("type").asText()),
                resources(r.path("resources").asText("")), nodes(r.path("nodes").asText("")), flag(r.path("strict")),
                r.path("affinity").asText(""), r.path("comment").asText(""), flag(r.path("disable")));
    }

    /** {@code vm:101,ct:102} as a list. */
    public static List<String> resources(String wire) {
        List<String> out = new ArrayList<>();
        for (String s : wire.split("[,;\\s]+")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** {@code pve2:2,pve1} as nodes with priorities (0 where none is given), in order. */
    public static Map<String, Integer> nodes(String wire) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String s : wire.split("[,;\\s]+")) {
            if (s.isEmpty()) {
                continue;
            }
            int colon = s.indexOf(':');
            out.put(colon < 0 ? s : s.substring(0, colon), colon < 0 ? 0 : AsciiNumbers.parseInt(s.substring(colon + 1)));
        }
        return out;
    }

    /** Nodes with priorities in the API's form; a priority of 0 is left implicit, as the GUI writes it. */
    public static String nodesWire(Map<String, Integer> nodes) {
        List<String> parts = new ArrayList<>();
        nodes.forEach((n, p) -> parts.add(p == 0 ? n : n + ":" + p));
        return String.join(",", parts);
    }

    private static boolean flag(JsonValue v) {
        return v.isNumber() ? v.asInt() != 0 : "1".equals(v.asText("")) || "true".equals(v.asText(""));
    }
}
