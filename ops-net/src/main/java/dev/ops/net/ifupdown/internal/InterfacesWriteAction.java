package dev.ops.net.ifupdown.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes an interfaces file atomically (or removes it when {@code content} is null) and then
 * runs the reload command, if any; {@code render} shows the diff the plan was made from.
 */
public record InterfacesWriteAction(String target, String path, byte[] content, boolean sudo, List<String> reload, String diff)
        implements Action {

    public InterfacesWriteAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(path, "path");
        reload = List.copyOf(reload);
        Objects.requireNonNull(diff, "diff");
    }

    @Override
    public String render() {
        String head = content == null ? "rm -f " + path : "write " + path + " (" + content.length + " bytes)";
        return head + (reload.isEmpty() ? "" : " then " + String.join(" ", reload)) + (diff.isEmpty() ? "" : "\n" + diff);
    }

    /** The reload command, if any. */
    public Optional<Command> reloadCommand() {
        return reload.isEmpty() ? Optional.empty() : Optional.of(Command.of(reload).with(b -> b.sudo(sudo)));
    }

    /**
     * Writes, then reloads; when the reload fails, the text that was there before is written back
     * (and reloaded once more, best effort) before the failure is thrown, so that a failed step
     * leaves nothing behind, as the journal expects.
     */
    @Override
    public void execute(Targets targets) {
        Host host = targets.host(target);
        Optional<byte[]> before = reload.isEmpty() ? Optional.empty() : host.readFile(path, sudo);
        put(host, content);
        Optional<Command> cmd = reloadCommand();
        if (cmd.isPresent()) {
            try {
                host.check(cmd.get());
            } catch (RuntimeException failure) {
                try {
                    put(host, before.orElse(null));
                    host.run(cmd.get());
                } catch (RuntimeException restore) {
                    failure.addSuppressed(restore);
                }
                throw failure;
            }
        }
    }

    private void put(Host host, byte[] bytes) {
        if (bytes == null) {
            host.deleteFile(path, sudo);
        } else {
            host.writeFile(path, bytes, "0644", sudo);
        }
    }
}
