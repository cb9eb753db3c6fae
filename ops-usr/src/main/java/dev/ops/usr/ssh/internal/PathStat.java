package dev.ops.usr.ssh.internal;

import dev.ops.core.error.OpsException;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.core.text.AsciiNumbers;
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
        if (f.length != 4 || !AsciiNumbers.isDigits(f[0]) || !AsciiNumbers.isDigits(f[1]) || !AsciiNumbers.isDigits(f[2])) {
            throw new OpsException(host.name() + ": stat of " + path + " printed '" + r.stdoutText().strip() + "', not 'MODE UID GID TYPE'");
        }
        return Optional.of(new PathStat(f[0], AsciiNumbers.parseLong(f[1]), AsciiNumbers.parseLong(f[2]), f[3]));
    }

    /** The mode as four octal digits, e.g. {@code 0700}. */
    public String mode4() {
        return "0".repeat(Math.max(0, 4 - mode.length())) + mode;
    }
}
