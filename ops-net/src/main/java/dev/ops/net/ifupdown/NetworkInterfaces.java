package dev.ops.net.ifupdown;

import dev.ops.core.Ops;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.core.file.FileSnapshot;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The {@code /etc/network/interfaces} of one host: read it as an {@link InterfacesFile}, and write
 * an edited model back as a change whose plan shows a unified diff, whose apply writes atomically
 * with a backup and reloads with {@code ifreload -a} where ifupdown2 is installed, and whose
 * rollback restores the previous file.
 *
 * <pre>{@code
 * NetworkInterfaces ifaces = NetworkInterfaces.on(ops, host);
 * InterfacesChange c = ifaces.edit(f -> f.edit("vmbr0", i -> i.withMtu(9000)));
 * String diff = c.plan().render();        // the unified diff, nothing written yet
 * c.apply();
 * }</pre>
 */
public final class NetworkInterfaces {
    /** Where Debian and Proxmox VE keep the file. */
    public static final String DEFAULT_PATH = "/etc/network/interfaces";
    /** The command that applies the file on ifupdown2 hosts. */
    public static final List<String> IFRELOAD = List.of("ifreload", "-a");

    private final Ops ops;
    private final Host host;
    private final String path;
    private final Optional<List<String>> reload;
    private final boolean sudo;

    private NetworkInterfaces(Ops ops, Host host, String path, Optional<List<String>> reload, boolean sudo) {
        this.ops = Objects.requireNonNull(ops, "ops");
        this.host = Objects.requireNonNull(host, "host");
        this.path = Objects.requireNonNull(path, "path");
        this.reload = reload;
        this.sudo = sudo;
    }

    /** The file at {@link #DEFAULT_PATH} of {@code host}, reloaded with {@code ifreload -a} when present. */
    public static NetworkInterfaces on(Ops ops, Host host) {
        return new NetworkInterfaces(ops, host, DEFAULT_PATH, Optional.empty(), true);
    }

    /** The same, for another path (e.g. a file under test, or a chroot). */
    public NetworkInterfaces path(String otherPath) {
        return new NetworkInterfaces(ops, host, otherPath, reload, sudo);
    }

    /** The same, reloading with {@code argv} instead of {@code ifreload -a}; an empty argv means no reload. */
    public NetworkInterfaces reloadWith(String... argv) {
        return new NetworkInterfaces(ops, host, path, Optional.of(List.of(argv)), sudo);
    }

    /** The same, reading and writing without sudo. */
    public NetworkInterfaces withoutSudo() {
        return new NetworkInterfaces(ops, host, path, reload, false);
    }

    /** The path of the file. */
    public String path() {
        return path;
    }

    /** Where apply keeps the previous version. */
    public String backupPath() {
        return path + ".ops-backup";
    }

    /** The current file parsed (every byte kept, whatever the encoding); an empty model when it does not exist. */
    public InterfacesFile read() {
        Violations v = Violations.of("interfaces file");
        check(v);
        v.throwIfAny();
        return snapshot().content().map(InterfacesFile::parse).orElse(InterfacesFile.empty());
    }

    /** The file's bytes, mode and owner. */
    FileSnapshot snapshot() {
        return FileSnapshot.read(host, path, sudo);
    }

    /** Adds the problems of the path and the reload command to {@code v}, each against its own field. */
    void check(Violations v) {
        v.check(path.startsWith("/") && !path.endsWith("/") && path.indexOf('\0') < 0 && path.indexOf('\n') < 0, "path",
                "must be an absolute file path without NUL or newline characters, was '" + path.replace("\0", "\\0") + "'");
        reload.ifPresent(argv -> {
            for (int i = 0; i < argv.size(); i++) {
                String a = argv.get(i);
                v.check(a != null && a.indexOf('\0') < 0, "reload", "argument " + i + " must not be null or hold a NUL character");
            }
        });
    }

    /** The reload command to use now: the configured one, else {@code ifreload -a} if the host has it. */
    List<String> reloadCommand() {
        if (reload.isPresent()) {
            return reload.get();
        }
        boolean present = host.run(Command.of("sh", "-c", "command -v ifreload >/dev/null 2>&1 || [ -x /usr/sbin/ifreload ] || [ -x /sbin/ifreload ]")).ok();
        return present ? IFRELOAD : List.of();
    }

    /** A change that writes {@code desired}. */
    public InterfacesChange write(InterfacesFile desired) {
        return new InterfacesChange(ops, host, this, current -> desired);
    }

    /** A change that writes the current file as changed by {@code edit} (applied to what is read at plan time). */
    public InterfacesChange edit(UnaryOperator<InterfacesFile> edit) {
        return new InterfacesChange(ops, host, this, edit);
    }

    boolean sudo() {
        return sudo;
    }
}
