package dev.ops.usr.pve;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Proxmox VE user as {@code GET /access/users/{userid}} shows it.
 *
 * @param userid the id, {@code name@realm}
 * @param email the e-mail address, if set
 * @param firstName the first name, if set
 * @param lastName the last name, if set
 * @param comment the comment, if set
 * @param groups the groups the user belongs to, sorted
 * @param enabled whether the account may log in
 * @param expire when the account expires; empty for never
 * @param tokens the ids of the user's API tokens, sorted
 */
public record PveUser(String userid, Optional<String> email, Optional<String> firstName, Optional<String> lastName,
        Optional<String> comment, List<String> groups, boolean enabled, Optional<Instant> expire, List<String> tokens) {

    public PveUser {
        Objects.requireNonNull(userid, "userid");
        groups = List.copyOf(groups);
        tokens = List.copyOf(tokens);
    }
}
