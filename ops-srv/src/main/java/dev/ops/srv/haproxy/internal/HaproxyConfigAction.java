package dev.ops.srv.haproxy.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.FileWriteAction;
import dev.ops.core.change.Targets;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.srv.haproxy.HaproxyConfigException;
import java.util.Objects;

/**
 * Writes HAProxy's configuration file, after {@code haproxy -c} accepted the new content (checked
 * in a temporary file on the host, so that nothing is written when it refuses). The undo is the
 * same action carrying the earlier bytes, written without a check: they are what was there.
 *
 * @param target the host's name
 * @param write the file write
 * @param check whether to check the content with {@code haproxy -c -f} first
 */
public record HaproxyConfigAction(String target, FileWriteAction write, boolean check) implements Action {
    private static final String CHECK = "PATH=\"$PATH:/usr/sbin:/sbin\"; t=$(mktemp) || exit 97; cat > \"$t\"; "
            + "haproxy -c -f \"$t\" 2>&1; rc=$?; rm -f \"$t\"; exit $rc";

    public HaproxyConfigAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(write, "write");
    }

    @Override
    public boolean needsRoot() {
        return write.sudo();
    }

    @Override
    public String render() {
        return (check && write.content() != null ? "haproxy -c -f <new content>\n" : "") + write.render();
    }

    @Override
    public void execute(Targets targets) {
        Host host = targets.host(target);
        if (check && write.content() != null) {
            requireAccepted(host, write.path(), write.content());
        }
        write.execute(targets);
    }

    /** Throws {@link HaproxyConfigException} unless {@code haproxy -c} on {@code host} accepts {@code content} (meant for {@code path}). */
    public static void requireAccepted(Host host, String path, byte[] content) {
        CommandResult r = host.run(Command.builder().addArgv("sh", "-c", CHECK).stdin(content).build());
        if (r.exitCode() != 0) {
            throw new HaproxyConfigException(path, r.stdoutText().strip() + r.stderrText().strip());
        }
    }
}
