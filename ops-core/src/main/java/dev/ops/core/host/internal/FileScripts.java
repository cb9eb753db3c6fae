package dev.ops.core.host.internal;

import dev.ops.core.error.Violations;

/** The shell scripts behind {@link dev.ops.core.host.Host}'s file methods, run with {@code sh -c}. */
public final class FileScripts {
    private FileScripts() {}

    /** Refuses a path that no file can have, naming the field {@code path} rather than a command's argv. */
    public static String checkPath(String path) {
        Violations.of("file").checkText(path, "path", p -> p.indexOf('\0') < 0, "must not contain a NUL character").throwIfAny();
        return path;
    }

    /** The script behind {@link dev.ops.core.host.Host#writeFile(String, byte[], String, String, boolean)}: $1 path, $2 mode or empty to keep, $3 uid:gid or empty to keep; content on stdin. */
    public static final String WRITE = "set -e; p=$1; m=$2; o=$3; "
            + "if [ -L \"$p\" ]; then echo \"$p is a symbolic link: ops does not replace links with files\" >&2; exit 5; fi; "
            + "d=$(dirname -- \"$p\"); t=$(mktemp \"$d/.ops-XXXXXX\"); trap 'rm -f \"$t\"' EXIT; cat > \"$t\"; "
            + "if [ -e \"$p\" ]; then "
            + "cp --attributes-only --preserve=all --no-preserve=timestamps -- \"$p\" \"$t\" 2>/dev/null || true; "
            + "[ -n \"$o\" ] || [ \"$(stat -c %u:%g -- \"$p\")\" = \"$(stat -c %u:%g -- \"$t\")\" ] "
            + "|| { echo \"cannot keep the owner $(stat -c %U:%G -- \"$p\") of $p (writing as $(id -un); root is needed)\" >&2; exit 6; }; "
            + "[ -n \"$m\" ] || [ \"$(stat -c %a -- \"$p\")\" = \"$(stat -c %a -- \"$t\")\" ] "
            + "|| { echo \"cannot keep the mode of $p\" >&2; exit 6; }; "
            + "elif [ -z \"$m\" ]; then m=0644; fi; "
            + "[ -z \"$o\" ] || chown -- \"$o\" \"$t\"; [ -z \"$m\" ] || chmod -- \"$m\" \"$t\"; "
            + "sync \"$t\" 2>/dev/null || true; mv -f -- \"$t\" \"$p\"; trap - EXIT";
}
