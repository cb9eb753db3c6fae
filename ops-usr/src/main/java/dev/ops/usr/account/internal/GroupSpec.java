package dev.ops.usr.account.internal;

import java.util.List;
import java.util.Objects;

/**
 * What a group should look like; built by {@link dev.ops.usr.account.Groups}. Null fields are left
 * as they are.
 *
 * @param name the group name
 * @param gid the numeric group id, or null
 * @param members exactly these members, or null to leave the member list alone
 * @param withMembers at least these members
 * @param system whether a new group is a system group
 */
public record GroupSpec(String name, Long gid, List<String> members, List<String> withMembers, boolean system) {

    public GroupSpec {
        members = members == null ? null : List.copyOf(members);
        withMembers = List.copyOf(Objects.requireNonNull(withMembers, "withMembers"));
    }
}
