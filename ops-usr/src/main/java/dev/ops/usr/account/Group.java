package dev.ops.usr.account;

import java.util.List;

/** A local group as the host sees it: name, gid and the users listed as members (sorted). */
public record Group(String name, long gid, List<String> members) {

    /** Copies the member list. */
    public Group {
        members = List.copyOf(members);
    }
}
