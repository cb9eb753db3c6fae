package dev.ops.usr.sudo.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.host.Command;
import java.util.Objects;

/**
 * Installs (or removes, when {@code content} is null) one sudoers drop-in so that sudo never sees
 * a broken file: the content goes to a temporary file in the drop-in directory (its '.' makes sudo
 * ignore it), is checked alone with {@code visudo -cf}, given its owner and mode (root:root 0440 for
 * a new drop-in; exactly what an old file had when it is put back), renamed into
 * place, and the whole configuration is checked with {@code visudo -c}; if that fails, the previous
 * file is put back and the action fails with visudo's message.
 */
public record InstallSudoersAction(String target, String path, byte[] content, String mode, long uid, long gid, String summary) implements Action {
    private static final String INSTALL = """
            set -e
            f="$1"; d=$(dirname -- "$f")
            t=$(mktemp "$d/.ops-new-XXXXXX"); b=$(mktemp "$d/.ops-old-XXXXXX")
            trap 'rm -f "$t" "$b"' EXIT
            cat > "$t"; chown "$3:$4" "$t"; chmod "$2" "$t"
            visudo -cqf "$t" >&2 || { echo "visudo refused the new $f" >&2; exit 65; }
            had=0; if [ -e "$f" ]; then cp -p -- "$f" "$b"; had=1; fi
            mv -f -- "$t" "$f"
            if ! visudo -cq >&2; then
              if [ "$had" = 1 ]; then mv -f -- "$b" "$f"; else rm -f -- "$f"; fi
              echo "visudo -c failed with the new $f in place; the previous state was put back" >&2; exit 65
            fi
            """;
    private static final String REMOVE = """
            set -e
            f="$1"; d=$(dirname -- "$f")
            [ -e "$f" ] || exit 0
            b=$(mktemp "$d/.ops-old-XXXXXX"); trap 'rm -f "$b"' EXIT
            cp -p -- "$f" "$b"; rm -f -- "$f"
            if ! visudo -cq >&2; then mv -f -- "$b" "$f"; echo "visudo -c failed without $f; it was put back" >&2; exit 65; fi
            """;

    /** Checks the required fields; a missing mode (as in records journaled before modes were kept) is 0440. */
    public InstallSudoersAction {
        mode = mode == null ? "0440" : mode;
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(summary, "summary");
    }

    /** Installs {@code content} as a new drop-in: root:root, mode 0440. */
    public static InstallSudoersAction install(String target, String path, byte[] content, String summary) {
        return new InstallSudoersAction(target, path, content, "0440", 0, 0, summary);
    }

    /** Removes the drop-in. */
    public static InstallSudoersAction remove(String target, String path, String summary) {
        return new InstallSudoersAction(target, path, null, "0440", 0, 0, summary);
    }

    /** Runs through sudo: root is asked of the host before the plan applies. */
    @Override
    public boolean needsRoot() {
        return true;
    }

    @Override
    public String render() {
        String head = content == null ? "remove " + path + " (then visudo -c)"
                : "install " + path + " (mode " + mode + ", owner " + uid + ":" + gid + ", " + content.length + " bytes) after visudo -cf, then visudo -c";
        return summary.isEmpty() ? head : head + "\n" + summary;
    }

    @Override
    public void execute(Targets targets) {
        Command.Builder b = Command.builder().addArgv("sh", "-c", content == null ? REMOVE : INSTALL, "sh", path, mode, Long.toString(uid), Long.toString(gid)).sudo(true);
        if (content != null) {
            b.stdin(content);
        }
        targets.host(target).check(b.build());
    }
}
