package dev.ops.net.ifupdown;

import java.util.List;
import java.util.Objects;

/**
 * An {@code auto} or {@code allow-hotplug} (any {@code allow-*}) line naming interfaces.
 *
 * @param keyword {@code auto}, {@code allow-hotplug}, ...
 * @param names the interfaces it names
 * @param raw the exact parsed line, or null for a line made in code (not part of equality)
 */
public record AutoLine(String keyword, List<String> names, String raw) implements Entry {

    public AutoLine {
        Objects.requireNonNull(keyword, "keyword");
        names = List.copyOf(names);
    }

    /** {@code auto NAME...}. */
    public static AutoLine auto(String... names) {
        return new AutoLine("auto", List.of(names), null);
    }

    @Override
    public String render() {
        return raw != null ? raw : keyword + " " + String.join(" ", names);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AutoLine other && keyword.equals(other.keyword) && names.equals(other.names);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyword, names);
    }

    @Override
    public String toString() {
        return keyword + " " + String.join(" ", names);
    }
}
