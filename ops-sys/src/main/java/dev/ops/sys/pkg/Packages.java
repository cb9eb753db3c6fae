package dev.ops.sys.pkg;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.sys.pkg.internal.DpkgQuery;
import dev.ops.sys.pkg.internal.HoldChange;
import dev.ops.sys.pkg.internal.PackageChange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Debian packages of a host through dpkg and apt: query what is installed, and install, remove,
 * hold and unhold as {@link dev.ops.core.change.Change}s: {@code packages(...).present()} and
 * {@code absent()}, {@code hold(...).present()} and {@code absent()}. A plan lists exactly what apt would do
 * ({@code apt-get -s}), dependencies included; rollback removes what an install added and
 * reinstalls what a removal took away, at the versions seen. A lock held by another package
 * manager process is a {@link PackageManagerLockedException} (retryable).
 *
 * <pre>{@code
 * Optional<InstalledPackage> curl = Packages.on(host, ops).get("curl");
 * Applied<PackageTransaction> done = Packages.on(host, ops).packages("curl").present().apply();
 * done.value().of(PackageOperation.Kind.INSTALL);   // curl and the dependencies apt pulled in
 * done.rollback();                                   // removes them again
 * }</pre>
 */
public final class Packages {
    private final Host host;
    private final Ops ops;

    private Packages(Host host, Ops ops) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = Objects.requireNonNull(ops, "ops");
    }

    /** Packages of {@code host}, changed through {@code ops}. */
    public static Packages on(Host host, Ops ops) {
        return new Packages(host, ops);
    }

    /** Every fully installed package ({@code dpkg-query -W}). */
    public List<InstalledPackage> list() {
        return DpkgQuery.parse(host.check(Command.of("dpkg-query", "-W", "-f=" + DpkgQuery.FORMAT)).stdoutText()).stream()
                .filter(InstalledPackage::installed).toList();
    }

    /** The package of that name as dpkg records it (in any state), or empty when dpkg does not know it. */
    public Optional<InstalledPackage> get(String name) {
        Violations.of("package query").check(name != null && HoldChange.NAME.matcher(name).matches(), "name",
                "'" + String.valueOf(name).replace("\0", "\\0") + "' is not a package name").throwIfAny();
        CommandResult r = host.run(Command.of("dpkg-query", "-W", "-f=" + DpkgQuery.FORMAT, "--", name));
        if (r.exitCode() == 1 && r.stdout().length == 0) {
            return Optional.empty();
        }
        r.orThrow();
        return DpkgQuery.parse(r.stdoutText()).stream().filter(p -> p.name().equals(name) || name.startsWith(p.name() + ":")).findFirst();
    }

    /** Packages ({@code name}, or {@code name=version} to install), to make {@code present()} or {@code absent()}. */
    public PackageSet packages(String... packages) {
        return new PackageSet(List.of(packages));
    }

    /** The apt holds of installed packages, to make {@code present()} (held) or {@code absent()} (not held). */
    public Holds hold(String... packages) {
        return new Holds(List.of(packages));
    }

    /** Packages to install or remove. */
    public final class PackageSet {
        private final List<String> packages;

        private PackageSet(List<String> packages) {
            this.packages = packages;
        }

        /**
         * The change that installs the packages with their dependencies; yields the transaction apt
         * ran (empty when all were installed at those versions).
         */
        public Change<PackageTransaction> present() {
            return PackageChange.install(host, ops, packages);
        }

        /**
         * The change that removes the packages (keeping their configuration files), and whatever
         * depends on them, as apt decides; yields the transaction apt ran.
         */
        public Change<PackageTransaction> absent() {
            return PackageChange.remove(host, ops, packages);
        }

        /** What {@link #present()} would do now, as {@code apt-get -s} says; changes nothing. */
        public PackageTransaction simulatePresent() {
            return PackageChange.simulate(host, ops, true, packages);
        }

        /** What {@link #absent()} would do now, as {@code apt-get -s} says; changes nothing. */
        public PackageTransaction simulateAbsent() {
            return PackageChange.simulate(host, ops, false, packages);
        }
    }

    /** Holds of installed packages. */
    public final class Holds {
        private final List<String> packages;

        private Holds(List<String> packages) {
            this.packages = packages;
        }

        /** The change that puts the packages on hold (they must be installed); yields their dpkg records after apply. */
        public Change<List<InstalledPackage>> present() {
            return HoldChange.of(host, ops, packages, true);
        }

        /** The change that takes the packages off hold; yields their dpkg records after apply. */
        public Change<List<InstalledPackage>> absent() {
            return HoldChange.of(host, ops, packages, false);
        }
    }
}
