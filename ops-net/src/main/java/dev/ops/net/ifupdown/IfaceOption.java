package dev.ops.net.ifupdown;

import java.util.Objects;

/**
 * An option line of an {@code iface} stanza, e.g. {@code bridge-ports eno1}. Unknown options are
 * kept as they are.
 *
 * @param key the option name
 * @param value the rest of the line, trimmed
 * @param raw the exact parsed line, or null for a line made in code (not part of equality)
 */
public record IfaceOption(String key, String value, String raw) implements IfaceLine {

    public IfaceOption {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** An option made in code, rendered with a tab indent. */
    public static IfaceOption of(String key, String value) {
        return new IfaceOption(key, value, null);
    }

    /** The indentation the parsed line had, or a tab. */
    public String indent() {
        if (raw == null) {
            return "\t";
        }
        int i = 0;
        while (i < raw.length() && (raw.charAt(i) == ' ' || raw.charAt(i) == '\t')) {
            i++;
        }
        return raw.substring(0, i);
    }

    @Override
    public String render() {
        return raw != null ? raw : "\t" + key + (value.isEmpty() ? "" : " " + value);
    }

    /** Rendered with {@code indent} when made in code. */
    String render(String indent) {
        return raw != null ? raw : indent + key + (value.isEmpty() ? "" : " " + value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IfaceOption other && key.equals(other.key) && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value);
    }

    @Override
    public String toString() {
        return key + " " + value;
    }
}
