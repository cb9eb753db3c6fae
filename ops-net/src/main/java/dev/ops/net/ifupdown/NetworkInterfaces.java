package dev.ops.net.ifupdown;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import dev.ops.net.ifupdown.internal.InterfacesChange;
import dev.ops.net.ifupdown.internal.InterfacesTarget;
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
 * NetworkInterfaces ifaces = NetworkInterfaces.on(host, ops);
 * Change<InterfacesFile> c = ifaces.edit(f -> f.edit("vmbr0", i -> i.withMtu(9000)));
 * String diff = c.plan().render();        // the unified diff, nothing written yet
 * c.apply();
 * }</pre>
 */
public final class NetworkInterfaces {
    /** Where Debian and Proxmox VE keep the file. */
    public static final String DEFAULT_PATH = "/etc/network/interfaces";
    /** The command that applies the file on ifupdown2 hosts. */
    public static final List<String> IFRELOAD = InterfacesTarget.IFRELOAD;

    private final Host host;
    private final Ops ops;
    private final InterfacesTarget file;

    private NetworkInterfaces(Host host, Ops ops, InterfacesTarget file) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = Objects.requireNonNull(ops, "ops");
        this.file = file;
    }

    /** The file at {@link #DEFAULT_PATH} of {@code host}, reloaded with {@code ifreload -a} when present; changes journaled in {@code ops}. */
    public static NetworkInterfaces on(Host host, Ops ops) {
        return new NetworkInterfaces(host, ops, new InterfacesTarget(DEFAULT_PATH, Optional.empty(), true));
    }

    /** The same, for another path (e.g. a file under test, or a chroot). */
    public NetworkInterfaces path(String otherPath) {
        return new NetworkInterfaces(host, ops, new InterfacesTarget(otherPath, file.reload(), file.sudo()));
    }

    /** The same, reloading with {@code argv} instead of {@code ifreload -a}; an empty argv means no reload. */
    public NetworkInterfaces reloadWith(String... argv) {
        return new NetworkInterfaces(host, ops, new InterfacesTarget(file.path(), Optional.of(List.of(argv)), file.sudo()));
    }

    /** The same, reading and writing without sudo. */
    public NetworkInterfaces withoutSudo() {
        return new NetworkInterfaces(host, ops, new InterfacesTarget(file.path(), file.reload(), false));
    }

    /** The path of the file. */
    public String path() {
        return file.path();
    }

    /** Where apply keeps the previous version. */
    public String backupPath() {
        return file.backupPath();
    }

    /** The current file parsed (every byte kept, whatever the encoding); empty when the file does not exist. */
    public Optional<InterfacesFile> get() {
        Violations v = Violations.of("interfaces file");
        file.check(v);
        v.throwIfAny();
        return file.snapshot(host).content().map(InterfacesFile::parse);
    }

    /** A change that makes the file {@code desired} (written only where it differs); yields the file as then read. */
    public Change<InterfacesFile> set(InterfacesFile desired) {
        Objects.requireNonNull(desired, "desired");
        return InterfacesChange.of(host, ops, file, current -> desired);
    }

    /**
     * A change that writes the current file as changed by {@code edit}, applied to what is read when
     * the change is planned (an empty model when there is no file); yields the file as then read.
     */
    public Change<InterfacesFile> edit(UnaryOperator<InterfacesFile> edit) {
        Objects.requireNonNull(edit, "edit");
        return InterfacesChange.of(host, ops, file, edit);
    }
}
