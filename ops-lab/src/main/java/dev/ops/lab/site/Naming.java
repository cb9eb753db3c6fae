package dev.ops.lab.site;

import dev.ops.net.naming.NamingConvention;
import java.util.Map;
import java.util.Objects;

/**
 * The site's naming convention ({@code naming-conventions.yml}): the pattern and the word each
 * kind of resource puts in {@code {type}}.
 *
 * @param convention the pattern, e.g. {@code pve-{node}-{type}-{seq:02d}}
 * @param types the {@code {type}} word per kind: {@code vm}, {@code container}, {@code template}
 */
public record Naming(NamingConvention convention, Map<String, String> types) {
    public Naming {
        Objects.requireNonNull(convention, "convention");
        types = Map.copyOf(types);
    }

    /** The {@code {type}} word of a kind; the kind itself when the site names none. */
    public String typeOf(String kind) {
        return types.getOrDefault(kind, kind);
    }
}
