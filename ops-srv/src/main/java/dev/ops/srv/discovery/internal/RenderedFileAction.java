package dev.ops.srv.discovery.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.FileWriteAction;
import dev.ops.core.change.Targets;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.srv.haproxy.internal.HaproxyConfigAction;
import java.util.Objects;

/**
 * Writes a file rendered from the registry and runs its reload, in one action, so that the undo
 * (the same action carrying the earlier bytes) reloads after putting them back. With
 * {@code haproxyCheck}, {@code haproxy -c} must accept the new content first.
 *
 * @param target the host's name
 * @param write the file write
 * @param haproxyCheck whether {@code haproxy -c} checks the new content first
 * @param reload what to run after writing, or null
 */
public record RenderedFileAction(String target, FileWriteAction write, boolean haproxyCheck, Command reload) implements Action {

    public RenderedFileAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(write, "write");
    }

    @Override
    public boolean needsRoot() {
        return write.sudo() || reload != null && reload.sudo();
    }

    @Override
    public String render() {
        return (haproxyCheck && write.content() != null ? "haproxy -c -f <new content>\n" : "") + write.render()
                + (reload == null ? "" : "\n" + reload.render());
    }

    @Override
    public void execute(Targets targets) {
        Host host = targets.host(target);
        if (haproxyCheck && write.content() != null) {
            HaproxyConfigAction.requireAccepted(host, write.path(), write.content());
        }
        write.execute(targets);
        if (reload != null) {
            host.check(reload);
        }
    }
}
