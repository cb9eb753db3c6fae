package dev.ops.core.change;

import dev.ops.core.file.FileSnapshot;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Replaces a file atomically with given content, or removes it when {@code content} is null. The
 * replaced file keeps its owner, group, ACLs and extended attributes, and its mode unless
 * {@code mode} names one ({@link #KEEP} keeps it; a new file then gets 0644). {@code owner}
 * ({@code uid:gid}) is set when not {@link #KEEP}: how a removed file is restored. Its undo is
 * another FileWriteAction carrying what was there before.
 *
 * <p>A symbolic link at the path is refused (it would be flattened into a file), unless
 * {@code replacesLink}: the undo of a step that put a link where a file was.
 */
public record FileWriteAction(String target, String path, byte[] content, String mode, boolean sudo, String summary, String owner,
        boolean replacesLink) implements Action {

    /** The mode or owner value that keeps what the replaced file had. */
    public static final String KEEP = "";

    public FileWriteAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(path, "path");
        mode = mode == null ? KEEP : mode;
        Objects.requireNonNull(summary, "summary");
        owner = owner == null ? KEEP : owner;
    }

    /** Writes {@code content} with {@code mode} ({@link #KEEP} for the replaced file's), keeping the owner. */
    public FileWriteAction(String target, String path, byte[] content, String mode, boolean sudo, String summary) {
        this(target, path, content, mode, sudo, summary, KEEP, false);
    }

    /** Writes {@code content} with {@code mode} and {@code owner} ({@link #KEEP} for either keeps the replaced file's). */
    public FileWriteAction(String target, String path, byte[] content, String mode, boolean sudo, String summary, String owner) {
        this(target, path, content, mode, sudo, summary, owner, false);
    }

    /** This action, also replacing a symbolic link at the path: for undoing a step that made the link. */
    public FileWriteAction replacingLink() {
        return new FileWriteAction(target, path, content, mode, sudo, summary, owner, true);
    }

    /** Writes {@code text} to {@code path}. */
    public static FileWriteAction write(String host, String path, String text, String mode, boolean sudo, String summary) {
        return new FileWriteAction(host, path, text.getBytes(StandardCharsets.UTF_8), mode, sudo, summary);
    }

    /** Writes {@code content} to the file read as {@code like}, giving it that file's mode and owner (0644 and the writer's for a new one). */
    public static FileWriteAction write(String host, FileSnapshot like, byte[] content, boolean sudo, String summary) {
        return new FileWriteAction(host, like.path(), content, like.mode(), sudo, summary, like.owner());
    }

    /** Puts back exactly the file read as {@code before}: its bytes, mode and owner, or removes it when it did not exist. */
    public static FileWriteAction restore(String host, FileSnapshot before, boolean sudo) {
        return before.exists()
                ? new FileWriteAction(host, before.path(), before.bytesOrNull(), before.mode(), sudo, "restore the earlier " + before.path(), before.owner())
                : remove(host, before.path(), sudo);
    }

    /** Removes {@code path}. */
    public static FileWriteAction remove(String host, String path, boolean sudo) {
        return new FileWriteAction(host, path, null, KEEP, sudo, "remove " + path);
    }

    @Override
    public boolean needsRoot() {
        return sudo;
    }

    @Override
    public String render() {
        if (content == null) {
            return "rm -f " + path;
        }
        String attributes = (mode.isEmpty() ? "mode kept" : "mode " + mode) + (owner.isEmpty() ? "" : ", owner " + owner);
        return "write " + path + " (" + attributes + ", " + content.length + " bytes)" + (summary.isEmpty() ? "" : "\n" + summary);
    }

    @Override
    public void execute(Targets targets) {
        if (content == null) {
            targets.host(target).deleteFile(path, sudo);
        } else {
            Host host = targets.host(target);
            if (replacesLink) {
                host.check(Command.builder().addArgv("sh", "-c", "if [ -L \"$1\" ]; then rm -f -- \"$1\"; fi", "sh", path).sudo(sudo).build());
            }
            host.writeFile(path, content, mode, owner, sudo);
        }
    }
}
