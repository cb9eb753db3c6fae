package dev.ops.proxmox.internal;

import dev.ops.proxmox.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a change of named settings sends and what its undo sends, from the settings as they are and
 * as wanted: the settings that differ with their new values, the old values to put back, the
 * settings that were absent (for the undo's {@code delete}), and one "name: old -> new" line per
 * difference for the plan. The one way every Proxmox change compares settings: a guest's firewall
 * options and a node's interface ({@link #of}), and every whole entry of a configuration section,
 * where what the request leaves out is deleted and the undo puts it back ({@link #replacing}):
 * replication jobs and HA rules of PVE, and through {@link ConfigEntryChange} PVE's storages and
 * backup jobs and PBS's jobs, remotes and traffic-control rules.
 */
public final class SettingsDiff {
    private final Rules rules;
    private final Map<String, Object> set = new LinkedHashMap<>();
    private final Map<String, Object> back = new LinkedHashMap<>();
    private final List<String> unset = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final List<String> dropped = new ArrayList<>();

    /**
     * How a section's settings are compared and sent.
     *
     * @param absent how the plan's lines show a setting that is absent, e.g. {@code (default)}
     * @param deleteAsArray whether {@code delete} is sent as an array (PBS) or a comma-separated list (PVE)
     * @param secrets settings the server never reads back (a remote's password): a wanted one is always
     *     sent, masked in the lines and never put back; one absent from the answer is not deleted
     */
    public record Rules(String absent, boolean deleteAsArray, Set<String> secrets) {
        public Rules {
            Objects.requireNonNull(absent, "absent");
            secrets = Set.copyOf(secrets);
        }

        /** PVE's way: {@code delete} as a comma-separated list, no secrets. */
        public static Rules pve(String absent) {
            return new Rules(absent, false, Set.of());
        }
    }

    private SettingsDiff(Rules rules) {
        this.rules = rules;
    }

    /**
     * The difference between {@code current} (a setting absent when it has no entry or a null one)
     * and {@code wanted}, compared as wire text ({@link #wire}); settings {@code wanted} does not name
     * are left as they are. An absent old value shows as {@code absent} in the plan's lines.
     */
    public static SettingsDiff of(Map<String, ?> current, Map<String, ?> wanted, String absent) {
        return compare(current, wanted, Rules.pve(absent));
    }

    /**
     * As {@link #of}, where {@code wanted} is the whole of the settings: one that is set now and not
     * wanted is deleted ({@code delete}), and the undo sets it back.
     */
    public static SettingsDiff replacing(Map<String, ?> current, Map<String, ?> wanted, String absent) {
        return replacing(current, wanted, Rules.pve(absent));
    }

    /** As {@link #replacing(Map, Map, String)}, by {@code rules}. */
    public static SettingsDiff replacing(Map<String, ?> current, Map<String, ?> wanted, Rules rules) {
        SettingsDiff d = compare(current, wanted, rules);
        current.forEach((k, v) -> {
            if (v != null && !wanted.containsKey(k) && !rules.secrets().contains(k)) {
                d.dropped.add(k);
                d.back.put(k, v);
                d.lines.add(k + ": " + wire(v) + " -> " + rules.absent());
            }
        });
        return d;
    }

    private static SettingsDiff compare(Map<String, ?> current, Map<String, ?> wanted, Rules rules) {
        SettingsDiff d = new SettingsDiff(rules);
        wanted.forEach((k, v) -> {
            if (rules.secrets().contains(k)) {
                d.set.put(k, v);
                d.lines.add(k + " (new secret; the old one cannot be read back, so rollback keeps the new one)");
                return;
            }
            Object was = current.get(k);
            String now = was == null ? null : wire(was);
            String next = wire(v);
            if (!next.equals(now)) {
                d.set.put(k, v);
                d.lines.add(k + ": " + (now == null ? rules.absent() : now) + " -> " + next);
                if (now == null) {
                    d.unset.add(k);
                } else {
                    d.back.put(k, was);
                }
            }
        });
        return d;
    }

    /** The members of an answer object as text, the ones sent as null left out. */
    public static Map<String, String> texts(JsonValue object) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : object.fieldNames()) {
            JsonValue v = object.path(k);
            if (!v.isNull() && !v.isMissing()) {
                out.put(k, v.asText());
            }
        }
        return out;
    }

    /** A value as its wire text, as settings are compared: booleans as 1/0, lists one item per line, an empty optional as empty text. */
    public static String wire(Object v) {
        if (v instanceof JsonValue j) {
            return j.isBoolean() ? (j.asBoolean() ? "1" : "0") : j.asText();
        }
        if (v instanceof Collection<?> c) {
            return String.join("\n", c.stream().map(SettingsDiff::wire).toList());
        }
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (v instanceof Optional<?> o) {
            return o.map(SettingsDiff::wire).orElse("");
        }
        return Objects.toString(v);
    }

    /** Whether nothing differs. */
    public boolean isEmpty() {
        return set.isEmpty() && dropped.isEmpty();
    }

    /** The forward call's settings: {@code base}, the new values, and {@code delete} for the ones dropped. */
    public Map<String, Object> forward(Map<String, Object> base) {
        Map<String, Object> p = new LinkedHashMap<>(base);
        p.putAll(set);
        if (!dropped.isEmpty()) {
            p.put("delete", delete(dropped));
        }
        return p;
    }

    /** The undo call's settings: {@code base}, the old values, and {@code delete} for the ones that were absent. */
    public Map<String, Object> undo(Map<String, Object> base) {
        Map<String, Object> p = new LinkedHashMap<>(base);
        p.putAll(back);
        if (!unset.isEmpty()) {
            p.put("delete", delete(unset));
        }
        return p;
    }

    private Object delete(List<String> names) {
        return rules.deleteAsArray() ? List.copyOf(names) : String.join(",", names);
    }

    /** The names that differ. */
    public List<String> names() {
        List<String> out = new ArrayList<>(set.keySet());
        out.addAll(dropped);
        return List.copyOf(out);
    }

    /** One "name: old -> new" line per difference. */
    public List<String> lines() {
        return List.copyOf(lines);
    }
}
