package dev.ops.usr.ssh.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.host.Command;
import java.util.Objects;

/**
 * Replaces a file atomically as root with given content, mode and numeric owner (a temporary file
 * beside it, chown, chmod, rename), or removes it when {@code content} is null.
 */
public record OwnedFileWriteAction(String target, String path, byte[] content, String mode, long uid, long gid, String summary)
        implements Action {
    private static final String SCRIPT = "set -e; d=$(dirname -- \"$1\"); t=$(mktemp \"$d/.ops-XXXXXX\"); trap 'rm -f \"$t\"' EXIT; "
            + "cat > \"$t\"; chown \"$3:$4\" \"$t\"; chmod \"$2\" \"$t\"; sync \"$t\" 2>/dev/null || true; mv -f \"$t\" \"$1\"; trap - EXIT";

    /** Checks the required fields. */
    public OwnedFileWriteAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(summary, "summary");
    }

    /** Removes {@code path}. */
    public static OwnedFileWriteAction remove(String host, String path) {
        return new OwnedFileWriteAction(host, path, null, "0600", 0, 0, "");
    }

    /** Runs through sudo: root is asked of the host before the plan applies. */
    @Override
    public boolean needsRoot() {
        return true;
    }

    @Override
    public String render() {
        String head = content == null ? "rm -f " + path
                : "write " + path + " (mode " + mode + ", owner " + uid + ":" + gid + ", " + content.length + " bytes)";
        return summary.isEmpty() ? head : head + "\n" + summary;
    }

    @Override
    public void execute(Targets targets) {
        if (content == null) {
            targets.host(target).check(Command.of("rm", "-f", "--", path).asRoot());
        } else {
            targets.host(target).check(Command.builder().addArgv("sh", "-c", SCRIPT, "sh", path, mode, Long.toString(uid), Long.toString(gid))
                    .stdin(content).sudo(true).build());
        }
    }
}
