package dev.ops.usr.file.internal;

import dev.ops.usr.file.AclEntry;
import java.util.List;

/**
 * What the caller asked of each path, with names resolved to ids; null fields are left as they are.
 * Modes are numbers up to 07777; {@code directoryMode} applies to directories when set.
 */
public record Desired(Long uid, Long gid, Integer mode, Integer directoryMode, boolean clearAcl, List<AclEntry> remove, List<AclEntry> set) {

    /** Copies the lists. */
    public Desired {
        remove = List.copyOf(remove);
        set = List.copyOf(set);
    }
}
