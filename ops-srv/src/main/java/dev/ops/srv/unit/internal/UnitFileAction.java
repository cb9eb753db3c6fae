package dev.ops.srv.unit.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.FileWriteAction;
import dev.ops.core.change.Targets;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import java.util.Objects;

/**
 * Writes (or removes) a unit file or drop-in and reloads systemd in one action, so that the undo
 * (the same action carrying the earlier file) also reloads after putting the file back. When
 * {@code verify}, the new content is checked with {@code systemd-analyze verify} first and nothing
 * is written when it finds a problem.
 *
 * @param target the host's name
 * @param unit the unit's name, for verify
 * @param write the file write (or removal)
 * @param verify whether to verify the content before writing
 * @param root the root directory systemctl works on; {@code /} for the running system, which is then reloaded
 */
public record UnitFileAction(String target, String unit, FileWriteAction write, boolean verify, String root) implements Action {

    public UnitFileAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(write, "write");
        Objects.requireNonNull(root, "root");
    }

    @Override
    public boolean needsRoot() {
        return write.sudo();
    }

    @Override
    public String render() {
        StringBuilder s = new StringBuilder();
        if (verify && write.content() != null) {
            s.append("systemd-analyze verify ").append(unit).append('\n');
        }
        s.append(write.render());
        if (root.equals("/")) {
            s.append("\nsystemctl daemon-reload");
        }
        return s.toString();
    }

    @Override
    public void execute(Targets targets) {
        Host host = targets.host(target);
        if (write.content() != null) {
            if (verify) {
                Systemd.requireVerified(host, unit, write.content());
            }
            String dir = write.path().substring(0, write.path().lastIndexOf('/'));
            host.check(Command.builder().addArgv("mkdir", "-p", "--", dir).sudo(write.sudo()).build());
        }
        write.execute(targets);
        if (root.equals("/")) {
            host.check(Systemd.systemctl(root, "daemon-reload"));
        }
    }
}
