package dev.ops.core.change;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Replaces a file atomically with given content and mode, or removes it when {@code content} is
 * null. Its undo is another FileWriteAction carrying what was there before.
 */
public record FileWriteAction(String target, String path, byte[] content, String mode, boolean sudo, String summary)
        implements Action {

    public FileWriteAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(summary, "summary");
    }

    /** Writes {@code text} to {@code path}. */
    public static FileWriteAction write(String host, String path, String text, String mode, boolean sudo, String summary) {
        return new FileWriteAction(host, path, text.getBytes(StandardCharsets.UTF_8), mode, sudo, summary);
    }

    /** Removes {@code path}. */
    public static FileWriteAction remove(String host, String path, boolean sudo) {
        return new FileWriteAction(host, path, null, "0644", sudo, "remove " + path);
    }

    @Override
    public boolean needsRoot() {
        return sudo;
    }

    @Override
    public String render() {
        return content == null ? "rm -f " + path : "write " + path + " (mode " + mode + ", " + content.length + " bytes)"
                + (summary.isEmpty() ? "" : "\n" + summary);
    }

    @Override
    public void execute(Targets targets) {
        if (content == null) {
            targets.host(target).deleteFile(path, sudo);
        } else {
            targets.host(target).writeFile(path, content, mode, sudo);
        }
    }
}
