package dev.ops.usr.account;

import java.util.List;

/**
 * A local user as the host sees it: the passwd entry, the name of the primary group, the
 * supplementary groups (sorted) and whether the password is locked.
 */
public record User(String name, long uid, long gid, String primaryGroup, String gecos, String home, String shell,
        List<String> groups, boolean locked) {

    /** Copies the group list. */
    public User {
        groups = List.copyOf(groups);
    }
}
