package dev.ops.lab.site;

import java.util.Objects;

/**
 * Guests layer L2 makes: {@code count} clones of a site template on a node, named, addressed and
 * given MACs by the site's allocators.
 *
 * @param name the guests' name in the site (their role)
 * @param node the node they run on
 * @param template the site template they are cloned from (its copy on that node)
 * @param count how many
 */
public record SiteGuest(String name, String node, String template, int count) {
    public SiteGuest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(template, "template");
    }

    /** The catalog role of the {@code n}th (1-based): {@code guest:web/2}. */
    public String role(int n) {
        return "guest:" + name + "/" + n;
    }
}
