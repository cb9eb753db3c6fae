package dev.ops.usr.file.internal;

import java.util.List;

/**
 * What a path's permissions should be; built by {@link dev.ops.usr.file.FilePermissions}. Null
 * fields are left as they are.
 *
 * @param path the absolute path
 * @param owner the owning user, by name or uid, or null
 * @param group the owning group, by name or gid, or null
 * @param mode the mode (octal or symbolic), or null
 * @param directoryMode the mode of directories below a recursive path, or null
 * @param clearAcl whether to remove every extended ACL entry first
 * @param remove ACL entries to remove
 * @param set ACL entries to set
 * @param recursive whether the change applies to everything below the path too
 */
public record PathSpec(String path, String owner, String group, String mode, String directoryMode, boolean clearAcl, List<String> remove,
        List<String> set, boolean recursive) {

    public PathSpec {
        remove = List.copyOf(remove);
        set = List.copyOf(set);
    }
}
