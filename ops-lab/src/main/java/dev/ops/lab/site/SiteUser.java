package dev.ops.lab.site;

import java.util.List;
import java.util.Objects;

/**
 * A login a host must have (layer L3): its supplementary groups, its SSH keys, and whether it may
 * run any command through sudo without a password.
 *
 * @param name the user's name
 * @param groups the groups it is a member of (they must exist on the host)
 * @param keys its {@code authorized_keys} lines
 * @param sudo whether a sudoers drop-in {@code lab-<name>} lets it run everything without a password
 */
public record SiteUser(String name, List<String> groups, List<String> keys, boolean sudo) {
    public SiteUser {
        Objects.requireNonNull(name, "name");
        groups = List.copyOf(groups);
        keys = List.copyOf(keys);
    }
}
