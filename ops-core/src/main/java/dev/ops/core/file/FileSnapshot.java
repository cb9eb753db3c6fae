package dev.ops.core.file;

import dev.ops.core.error.CommandFailedException;
import dev.ops.core.error.ConflictException;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.core.host.internal.FileScripts;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A file's bytes with its mode and numeric owner, read in one command: what an edit starts from
 * and what its rollback puts back (with {@link dev.ops.core.change.FileWriteAction#restore}).
 *
 * <p>A symbolic link is never read through: {@link #read} refuses it, since writing the edit back
 * would replace the link with a regular file. {@link #readFollowingLinks} reads the file the link
 * resolves to and names it in {@link #path()}.
 */
public final class FileSnapshot {
    private static final Pattern MODE = Pattern.compile("[0-7]{1,4}");
    private static final Pattern OWNER = Pattern.compile("[0-9]{1,10}:[0-9]{1,10}");
    private static final String READ = "if [ -L \"$1\" ]; then "
            + "if [ \"$2\" = follow ]; then printf 'L\\n'; exec readlink -f -- \"$1\"; fi; "
            + "echo \"$1 is a symbolic link to $(readlink -- \"$1\")\" >&2; exit 5; fi; "
            + "if [ -f \"$1\" ]; then printf 'F\\n'; stat -c '%a %u:%g' -- \"$1\" && exec cat -- \"$1\"; "
            + "elif [ -e \"$1\" ]; then echo \"$1 is not a regular file\" >&2; exit 4; else exit 3; fi";

    private final String path;
    private final byte[] content;
    private final String mode;
    private final String owner;

    private FileSnapshot(String path, byte[] content, String mode, String owner) {
        this.path = path;
        this.content = content;
        this.mode = mode;
        this.owner = owner;
    }

    /** The file read: the path asked for, or the file a followed link resolves to. */
    public String path() {
        return path;
    }

    /** The bytes, or empty when the file does not exist. */
    public Optional<byte[]> content() {
        return Optional.ofNullable(content).map(byte[]::clone);
    }

    /** The octal permission bits ({@code 644}); {@code 0644} for a missing file. */
    public String mode() {
        return mode;
    }

    /** {@code UID:GID}, or empty for a missing file (a new file gets the writer's). */
    public String owner() {
        return owner;
    }

    /** What a file that does not exist is read as: ops creates it 0644, owned by whoever writes it. */
    public static FileSnapshot missing(String path) {
        return new FileSnapshot(path, null, "0644", "");
    }

    /** Reads {@code path} (as root when {@code sudo}); a missing file gives {@link #missing}, a link a {@link ConflictException}. */
    public static FileSnapshot read(Host host, String path, boolean sudo) {
        return read(host, path, sudo, false);
    }

    /** Reads {@code path}, or the file it resolves to when it is a symbolic link (which must be a regular file or missing). */
    public static FileSnapshot readFollowingLinks(Host host, String path, boolean sudo) {
        return read(host, path, sudo, true);
    }

    private static FileSnapshot read(Host host, String path, boolean sudo, boolean follow) {
        CommandResult r = host.run(Command.builder().addArgv("sh", "-c", READ, "sh", FileScripts.checkPath(path), follow ? "follow" : "")
                .sudo(sudo).build());
        switch (r.exitCode()) {
            case 3 -> {
                return missing(path);
            }
            case 4, 5 -> throw new ConflictException(path, r.stderrText().strip().replace(path + " ", "") + " on " + host.name()
                    + (r.exitCode() == 5 ? "; ops does not replace links with files" : ""), false);
            default -> r.orThrow();
        }
        byte[] out = r.stdout();
        int kindEnd = lineEnd(out, 0);
        int headEnd = lineEnd(out, kindEnd + 1);
        String head = new String(out, Math.min(out.length, kindEnd + 1), Math.max(0, headEnd - kindEnd - 1), StandardCharsets.UTF_8).strip();
        if (out.length > 0 && out[0] == 'L') {
            if (head.isEmpty()) {
                throw new ConflictException(path, "is a dangling symbolic link on " + host.name(), false);
            }
            FileSnapshot target = read(host, head, sudo, false);
            return new FileSnapshot(head, target.content, target.mode, target.owner);
        }
        String[] fields = head.split(" ");
        if (fields.length != 2 || !MODE.matcher(fields[0]).matches() || !OWNER.matcher(fields[1]).matches()) {
            throw new CommandFailedException(r.host(), r.commandLine(), r.exitCode(), "unexpected stat output '" + head + "'");
        }
        return new FileSnapshot(path, Arrays.copyOfRange(out, Math.min(out.length, headEnd + 1), out.length), fields[0], fields[1]);
    }

    private static int lineEnd(byte[] out, int from) {
        int i = Math.min(from, out.length);
        while (i < out.length && out[i] != '\n') {
            i++;
        }
        return i;
    }

    /** Whether the file exists. */
    public boolean exists() {
        return content != null;
    }

    /** The bytes, or null when the file does not exist. */
    public byte[] bytesOrNull() {
        return content == null ? null : content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileSnapshot f && path.equals(f.path) && Arrays.equals(content, f.content) && mode.equals(f.mode)
                && owner.equals(f.owner);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hash(path, mode, owner) + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "FileSnapshot[" + path + (content == null ? ", missing" : ", " + content.length + " bytes, mode " + mode + ", owner " + owner) + "]";
    }
}
