package dev.ops.usr.ssh.internal;

import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import java.util.Optional;

/** Mode (octal, as {@code stat %a} prints it), numeric owner and file type of a path, read as root without following a final symlink. */
public record PathStat(String mode, long uid, long gid, String type) {

    /** The stat of {@code path} on {@code host}, empty when it does not exist. */
    public static Optional<PathStat> of(Host host, String path) {
        CommandResult r = host.run(Command.of("stat", "-c", "%a %u %g %F", "--", path).asRoot());
        if (!r.ok()) {
            return Optional.empty();
        }
        String[] f = r.stdoutText().strip().split(" ", 4);
        return Optional.of(new PathStat(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), f[3]));
    }

    /** The mode as four octal digits, e.g. {@code 0700}. */
    public String mode4() {
        return "0".repeat(Math.max(0, 4 - mode.length())) + mode;
    }
}
