package dev.ops.net.ifupdown.internal;

import dev.ops.core.error.Violations;
import dev.ops.core.file.FileSnapshot;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which interfaces file of a host, how it is reloaded and whether it is read and written with sudo;
 * built by {@link dev.ops.net.ifupdown.NetworkInterfaces}.
 *
 * @param path the file's absolute path
 * @param reload the reload command; empty to use {@code ifreload -a} where the host has it
 * @param sudo whether to read and write with sudo
 */
public record InterfacesTarget(String path, Optional<List<String>> reload, boolean sudo) {
    /** The command that applies the file on ifupdown2 hosts. */
    public static final List<String> IFRELOAD = List.of("ifreload", "-a");

    public InterfacesTarget {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reload, "reload");
    }

    /** Where apply keeps the previous version. */
    public String backupPath() {
        return path + ".ops-backup";
    }

    /** The file's bytes, mode and owner on {@code host}. */
    public FileSnapshot snapshot(Host host) {
        return FileSnapshot.read(host, path, sudo);
    }

    /** Adds the problems of the path and the reload command to {@code v}, each against its own field. */
    public void check(Violations v) {
        v.check(path.startsWith("/") && !path.endsWith("/") && path.indexOf('\0') < 0 && path.indexOf('\n') < 0, "path",
                "must be an absolute file path without NUL or newline characters, was '" + path.replace("\0", "\\0") + "'");
        reload.ifPresent(argv -> {
            for (int i = 0; i < argv.size(); i++) {
                String a = argv.get(i);
                v.check(a != null && a.indexOf('\0') < 0, "reload", "argument " + i + " must not be null or hold a NUL character");
            }
        });
    }

    /** The reload command to use now on {@code host}: the configured one, else {@code ifreload -a} if the host has it. */
    public List<String> reloadCommand(Host host) {
        if (reload.isPresent()) {
            return reload.get();
        }
        boolean present = host.run(Command.of("sh", "-c", "command -v ifreload >/dev/null 2>&1 || [ -x /usr/sbin/ifreload ] || [ -x /sbin/ifreload ]")).ok();
        return present ? IFRELOAD : List.of();
    }
}
