package dev.ops.proxmox.internal;

import dev.ops.core.secret.Secret;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Java parameter values into Proxmox's wire strings: booleans as 0/1, absent values left out. */
public final class Params {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    private Params() {}

    /** A name and its wire value. */
    public record Pair(String name, String value) {}

    /** The wire form of one value; null for a value that is not to be sent. */
    public static String wire(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Optional<?> o) {
            return o.map(Params::wire).orElse(null);
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof Secret s) {
            return s.reveal();
        }
        return value.toString();
    }

    /** Every (name, value) pair to send, collections as repeated names, path parameters left out. */
    public static List<Pair> pairs(Map<String, ?> params, Collection<String> pathNames) {
        List<Pair> out = new ArrayList<>();
        params.forEach((k, v) -> {
            if (pathNames.contains(k)) {
                return;
            }
            if (v instanceof Collection<?> c) {
                c.forEach(e -> {
                    String w = wire(e);
                    if (w != null) {
                        out.add(new Pair(k, w));
                    }
                });
            } else {
                String w = wire(v);
                if (w != null) {
                    out.add(new Pair(k, w));
                }
            }
        });
        return out;
    }

    /** The placeholder names of a path template, e.g. {@code [node, vmid]}. */
    public static List<String> placeholders(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The template with placeholders replaced by their raw values (for display and errors). */
    public static String expand(String template, Map<String, ?> params) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String w = wire(params.get(m.group(1)));
            m.appendReplacement(sb, Matcher.quoteReplacement(w == null ? "{" + m.group(1) + "}" : w));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
