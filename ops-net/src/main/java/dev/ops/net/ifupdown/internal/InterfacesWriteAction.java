package dev.ops.net.ifupdown.internal;

import dev.ops.core.file.FileSnapshot;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes an interfaces file atomically with a given mode and owner (or removes it when
 * {@code content} is null) and then runs the reload command, if any; {@code render} shows the diff
 * the plan was made from. The bytes are written as they are: nothing is decoded or re-encoded.
 *
 * @param mode the octal mode to write with (the file's own, read at plan time); null in journals
 *     written before the mode was kept, meaning {@code 0644}
 * @param owner {@code UID:GID} to write with, or empty (or null) to leave the new file the writer's
 */
public record InterfacesWriteAction(String target, String path, byte[] content, String mode, String owner, boolean sudo,
        List<String> reload, String diff) implements Action {

    public InterfacesWriteAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(path, "path");
        reload = List.copyOf(reload);
        Objects.requireNonNull(diff, "diff");
    }

    /** Writes {@code content} with the mode and owner of {@code like} (the file as it was read). */
    public static InterfacesWriteAction of(String target, String path, byte[] content, FileSnapshot like, boolean sudo,
            List<String> reload, String diff) {
        return new InterfacesWriteAction(target, path, content, like.mode(), like.owner(), sudo, reload, diff);
    }

    @Override
    public String render() {
        String head = content == null ? "rm -f " + path
                : "write " + path + " (mode " + mode() + (owner == null || owner.isEmpty() ? "" : ", owner " + owner) + ", "
                        + content.length + " bytes)";
        return head + (reload.isEmpty() ? "" : " then " + String.join(" ", reload)) + (diff.isEmpty() ? "" : "\n" + diff);
    }

    @Override
    public String mode() {
        return mode == null ? "0644" : mode;
    }

    @Override
    public boolean needsRoot() {
        return sudo;
    }

    /** The reload command, if any. */
    public Optional<Command> reloadCommand() {
        return reload.isEmpty() ? Optional.empty() : Optional.of(Command.of(reload).with(b -> b.sudo(sudo)));
    }

    /**
     * Writes, then reloads; when the reload fails, the file that was there before is written back
     * (bytes, mode and owner; reloaded once more, best effort) before the failure is thrown, so that
     * a failed step leaves nothing behind, as the journal expects.
     */
    @Override
    public void execute(Targets targets) {
        Host host = targets.host(target);
        FileSnapshot before = reload.isEmpty() ? FileSnapshot.missing(path) : FileSnapshot.read(host, path, sudo);
        put(host, content, mode(), owner);
        Optional<Command> cmd = reloadCommand();
        if (cmd.isPresent()) {
            try {
                host.check(cmd.get());
            } catch (RuntimeException failure) {
                try {
                    put(host, before.bytesOrNull(), before.mode(), before.owner());
                    host.run(cmd.get());
                } catch (RuntimeException restore) {
                    failure.addSuppressed(restore);
                }
                throw failure;
            }
        }
    }

    private void put(Host host, byte[] bytes, String withMode, String withOwner) {
        if (bytes == null) {
            host.deleteFile(path, sudo);
        } else {
            host.writeFile(path, bytes, withMode, withOwner, sudo);
        }
    }
}
