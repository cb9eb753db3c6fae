package dev.ops.sys.pkg;

import dev.ops.core.error.Violations;
import dev.ops.core.Ops;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.sys.pkg.internal.DpkgQuery;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Debian packages of a host through dpkg and apt: query what is installed, and install, remove,
 * hold and unhold as {@link dev.ops.core.change.Change}s. A plan lists exactly what apt would do
 * ({@code apt-get -s}), dependencies included; rollback removes what an install added and
 * reinstalls what a removal took away, at the versions seen. A lock held by another package
 * manager process is a {@link PackageManagerLockedException} (retryable).
 *
 * <pre>{@code
 * Optional<InstalledPackage> curl = Packages.on(host).query("curl");
 * Applied<PackageTransaction> done = Packages.on(host, ops).install("curl").apply();
 * done.value().of(PackageOperation.Kind.INSTALL);   // curl and the dependencies apt pulled in
 * done.rollback();                                   // removes them again
 * }</pre>
 */
public final class Packages {
    private final Host host;
    /** The runtime for changes; null until one is needed, then {@link Ops#defaults()} (reads never touch the state store). */
    private final Ops ops;

    private Packages(Host host, Ops ops) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = ops;
    }

    /** Packages of this host, changed through {@link Ops#defaults()}. */
    public static Packages on(Host host) {
        return new Packages(host, null);
    }

    /** Packages of this host, changed through the given runtime. */
    public static Packages on(Host host, Ops ops) {
        return new Packages(host, Objects.requireNonNull(ops, "ops"));
    }

    /** Every fully installed package ({@code dpkg-query -W}). */
    public List<InstalledPackage> installed() {
        return DpkgQuery.parse(host.check(Command.of("dpkg-query", "-W", "-f=" + DpkgQuery.FORMAT)).stdoutText()).stream()
                .filter(InstalledPackage::installed).toList();
    }

    /** The package of that name as dpkg records it (in any state), or empty when dpkg does not know it. */
    public Optional<InstalledPackage> query(String name) {
        Violations.of("package query").check(name != null && HoldChange.NAME.matcher(name).matches(), "name",
                "'" + String.valueOf(name).replace("\0", "\\0") + "' is not a package name").throwIfAny();
        CommandResult r = host.run(Command.of("dpkg-query", "-W", "-f=" + DpkgQuery.FORMAT, "--", name));
        if (r.exitCode() == 1 && r.stdout().length == 0) {
            return Optional.empty();
        }
        r.orThrow();
        return DpkgQuery.parse(r.stdoutText()).stream().filter(p -> p.name().equals(name) || name.startsWith(p.name() + ":")).findFirst();
    }

    /** Installs packages ({@code name} or {@code name=version}) with their dependencies. */
    public PackageChange install(String... packages) {
        return new PackageChange(ops(), host, PackageChange.Mode.INSTALL, List.of(packages));
    }

    /** Removes packages (keeping their configuration files), and whatever depends on them, as apt decides. */
    public PackageChange remove(String... packages) {
        return new PackageChange(ops(), host, PackageChange.Mode.REMOVE, List.of(packages));
    }

    /** Puts installed packages on hold, so that apt neither upgrades nor removes them. */
    public HoldChange hold(String... packages) {
        return new HoldChange(ops(), host, List.of(packages), true);
    }

    /** Takes packages off hold. */
    public HoldChange unhold(String... packages) {
        return new HoldChange(ops(), host, List.of(packages), false);
    }

    private Ops ops() {
        return ops != null ? ops : Ops.defaults();
    }
}
