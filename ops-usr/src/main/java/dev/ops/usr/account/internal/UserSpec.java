package dev.ops.usr.account.internal;

import java.util.List;

/**
 * What the caller asked of a user; a null field is left as it is (or to useradd's default for a new user).
 * {@code groups} is the exact supplementary set, {@code memberOf} the groups the user must be in at least.
 */
public record UserSpec(String name, Long uid, String primaryGroup, List<String> groups, List<String> memberOf, String shell,
        String home, String gecos, Boolean locked, boolean createHome, boolean system, boolean removeHome) {}
