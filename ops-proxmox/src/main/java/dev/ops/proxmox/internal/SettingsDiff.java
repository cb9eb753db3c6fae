package dev.ops.proxmox.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a change of named settings sends and what its undo sends, from the settings as they are and
 * as wanted: the settings that differ with their new values, the old values to put back, the
 * settings that were absent (for the undo's {@code delete}), and one "name: old -> new" line per
 * difference for the plan.
 */
public final class SettingsDiff {
    private final Map<String, Object> set = new LinkedHashMap<>();
    private final Map<String, Object> back = new LinkedHashMap<>();
    private final List<String> unset = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final List<String> dropped = new ArrayList<>();

    private SettingsDiff() {}

    /**
     * The difference between {@code current} (null for a setting that is absent) and {@code wanted},
     * compared as text; an absent old value shows as {@code absent} in the plan's lines.
     */
    public static SettingsDiff of(Map<String, String> current, Map<String, ?> wanted, String absent) {
        SettingsDiff d = new SettingsDiff();
        wanted.forEach((k, v) -> {
            String now = current.get(k);
            String next = String.valueOf(v);
            if (!next.equals(now)) {
                d.set.put(k, v);
                d.lines.add(k + ": " + (now == null ? absent : now) + " -> " + next);
                if (now == null) {
                    d.unset.add(k);
                } else {
                    d.back.put(k, now);
                }
            }
        });
        return d;
    }

    /**
     * As {@link #of}, where {@code wanted} is the whole of the settings: one that is set now and not
     * wanted is deleted ({@code delete}), and the undo sets it back.
     */
    public static SettingsDiff replacing(Map<String, String> current, Map<String, ?> wanted, String absent) {
        SettingsDiff d = of(current, wanted, absent);
        current.forEach((k, v) -> {
            if (!wanted.containsKey(k)) {
                d.dropped.add(k);
                d.back.put(k, v);
                d.lines.add(k + ": " + v + " -> " + absent);
            }
        });
        return d;
    }

    /** The members of an answer object as text, the ones sent as null left out. */
    public static Map<String, String> texts(dev.ops.proxmox.JsonValue object) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : object.fieldNames()) {
            dev.ops.proxmox.JsonValue v = object.path(k);
            if (!v.isNull() && !v.isMissing()) {
                out.put(k, v.asText());
            }
        }
        return out;
    }

    /** Whether nothing differs. */
    public boolean isEmpty() {
        return set.isEmpty() && dropped.isEmpty();
    }

    /** The forward call's settings: {@code base} and the new values. */
    public Map<String, Object> forward(Map<String, Object> base) {
        Map<String, Object> p = new LinkedHashMap<>(base);
        p.putAll(set);
        if (!dropped.isEmpty()) {
            p.put("delete", String.join(",", dropped));
        }
        return p;
    }

    /** The undo call's settings: {@code base}, the old values, and {@code delete} for the ones that were absent. */
    public Map<String, Object> undo(Map<String, Object> base) {
        Map<String, Object> p = new LinkedHashMap<>(base);
        p.putAll(back);
        if (!unset.isEmpty()) {
            p.put("delete", String.join(",", unset));
        }
        return p;
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
