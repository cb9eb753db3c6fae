package dev.ops.sys.internal;

import dev.ops.core.error.CommandFailedException;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A file's bytes with its mode and numeric owner, read in one command, and the atomic write that
 * puts bytes back with a given mode and owner. {@link Host#writeFile} creates the new file as the
 * writing user with a mode it is told, so a file rewritten through it loses its owner, group and
 * (unless told) its mode; edits and their rollbacks go through here instead.
 *
 * <p>The write replaces the path itself (a rename over it), as {@link Host#writeFile} does: a
 * symbolic link there is replaced by a file rather than followed, so that a rollback which puts
 * back a regular file never writes through a link that apply made.
 * A copy of ops-net's, until the class moves to ops-core.
 *
 * @param content the bytes, or empty when the file does not exist
 * @param mode the octal permission bits ({@code 644}), {@code 0644} for a missing file
 * @param owner {@code UID:GID}, or empty for a missing file (a new file keeps the writer's)
 */
public record FileSnapshot(Optional<byte[]> content, String mode, String owner) {
    private static final String READ = "if [ -f \"$1\" ]; then stat -L -c '%a %u:%g' -- \"$1\" && exec cat -- \"$1\"; "
            + "elif [ -e \"$1\" ]; then echo \"$1 is not a regular file\" >&2; exit 4; else exit 3; fi";
    private static final String WRITE = "set -e; p=$1; d=$(dirname -- \"$p\"); t=$(mktemp \"$d/.ops-XXXXXX\"); "
            + "trap 'rm -f \"$t\"' EXIT; cat > \"$t\"; "
            + "if [ -n \"$3\" ] && [ \"$(stat -c %u:%g -- \"$t\")\" != \"$3\" ]; then chown -- \"$3\" \"$t\"; fi; "
            + "chmod -- \"$2\" \"$t\"; sync \"$t\" 2>/dev/null || true; mv -f -- \"$t\" \"$p\"; trap - EXIT";

    /** The default for a file ops creates: {@code 0644}, owned by whoever writes it. */
    public static FileSnapshot missing() {
        return new FileSnapshot(Optional.empty(), "0644", "");
    }

    /** Reads {@code path} (as root when {@code sudo}); a missing file gives {@link #missing()}. */
    public static FileSnapshot read(Host host, String path, boolean sudo) {
        CommandResult r = host.run(Command.builder().addArgv("sh", "-c", READ, "sh", path).sudo(sudo).build());
        if (r.exitCode() == 3) {
            return missing();
        }
        r.orThrow();
        byte[] out = r.stdout();
        int nl = 0;
        while (nl < out.length && out[nl] != '\n') {
            nl++;
        }
        String[] head = new String(out, 0, nl, StandardCharsets.US_ASCII).strip().split(" ");
        if (head.length != 2 || !head[0].matches("[0-7]{1,4}") || !head[1].matches("[0-9]{1,10}:[0-9]{1,10}")) {
            throw new CommandFailedException(r.host(), r.commandLine(), r.exitCode(), "unexpected stat output '" + String.join(" ", head) + "'");
        }
        return new FileSnapshot(Optional.of(Arrays.copyOfRange(out, Math.min(out.length, nl + 1), out.length)), head[0], head[1]);
    }

    /** Writes {@code bytes} to {@code path} atomically with {@code mode} and, when not empty, {@code owner} ({@code UID:GID}). */
    public static void write(Host host, String path, byte[] bytes, String mode, String owner, boolean sudo) {
        host.check(Command.builder().addArgv("sh", "-c", WRITE, "sh", path, mode == null ? "0644" : mode, owner == null ? "" : owner)
                .stdin(bytes).sudo(sudo).build());
    }

    /** The bytes, or null when the file does not exist. */
    public byte[] bytesOrNull() {
        return content.orElse(null);
    }
}
