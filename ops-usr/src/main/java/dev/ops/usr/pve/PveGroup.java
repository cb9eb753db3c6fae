package dev.ops.usr.pve;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Proxmox VE group as {@code GET /access/groups/{groupid}} shows it.
 *
 * @param groupid the id
 * @param comment the comment, if set
 * @param members the user ids in the group, sorted
 */
public record PveGroup(String groupid, Optional<String> comment, List<String> members) {

    public PveGroup {
        Objects.requireNonNull(groupid, "groupid");
        members = List.copyOf(members);
    }
}
