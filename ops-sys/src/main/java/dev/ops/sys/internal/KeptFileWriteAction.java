package dev.ops.sys.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import java.util.Objects;

/**
 * Replaces a file atomically with given bytes, mode and owner, or removes it when {@code content}
 * is null. Unlike {@link dev.ops.core.change.FileWriteAction}, the owner and group are set too, so
 * that an edit and its rollback give a file back as it was (a group-readable 0640 file owned by
 * another user stays so); the undo of a write is another of these carrying what was there before.
 *
 * @param mode octal mode, e.g. {@code 644}
 * @param owner {@code UID:GID}, or empty to leave a new file the writer's
 */
public record KeptFileWriteAction(String target, String path, byte[] content, String mode, String owner, boolean sudo, String summary)
        implements Action {

    public KeptFileWriteAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(path, "path");
        mode = mode == null ? "0644" : mode;
        owner = owner == null ? "" : owner;
        summary = summary == null ? "" : summary;
    }

    /** Writes {@code content} with the mode and owner of {@code like} (the file as it was read; defaults for a missing one). */
    public static KeptFileWriteAction write(String target, String path, byte[] content, FileSnapshot like, boolean sudo, String summary) {
        return new KeptFileWriteAction(target, path, content, like.mode(), like.owner(), sudo, summary);
    }

    /** Puts back exactly {@code before}: its bytes, mode and owner, or removes the file when it did not exist. */
    public static KeptFileWriteAction restore(String target, String path, FileSnapshot before, boolean sudo) {
        return new KeptFileWriteAction(target, path, before.bytesOrNull(), before.mode(), before.owner(), sudo,
                before.content().isPresent() ? "restore the earlier " + path : "remove " + path);
    }

    @Override
    public boolean needsRoot() {
        return sudo;
    }

    @Override
    public String render() {
        return content == null ? "rm -f " + path
                : "write " + path + " (mode " + mode + (owner.isEmpty() ? "" : ", owner " + owner) + ", " + content.length + " bytes)"
                        + (summary.isEmpty() ? "" : "\n" + summary);
    }

    @Override
    public void execute(Targets targets) {
        if (content == null) {
            targets.host(target).deleteFile(path, sudo);
        } else {
            FileSnapshot.write(targets.host(target), path, content, mode, owner, sudo);
        }
    }
}
