package dev.ops.core.change;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Replaces a file atomically with given content, or removes it when {@code content} is null. The
 * replaced file keeps its owner, group, ACLs and extended attributes, and its mode unless
 * {@code mode} names one ({@link #KEEP} keeps it; a new file then gets 0644). {@code owner}
 * ({@code uid:gid}) is set when not {@link #KEEP}: how a removed file is restored. Its undo is
 * another FileWriteAction carrying what was there before.
 */
public record FileWriteAction(String target, String path, byte[] content, String mode, boolean sudo, String summary, String owner)
        implements Action {

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
        this(target, path, content, mode, sudo, summary, KEEP);
    }

    /** Writes {@code text} to {@code path}. */
    public static FileWriteAction write(String host, String path, String text, String mode, boolean sudo, String summary) {
        return new FileWriteAction(host, path, text.getBytes(StandardCharsets.UTF_8), mode, sudo, summary);
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
            targets.host(target).writeFile(path, content, mode, owner, sudo);
        }
    }
}
