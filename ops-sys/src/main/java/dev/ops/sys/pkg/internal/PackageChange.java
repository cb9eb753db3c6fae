package dev.ops.sys.pkg.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.sys.pkg.PackageOperation.Kind;
import dev.ops.sys.pkg.PackageOperation;
import dev.ops.sys.pkg.PackageTransaction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Installs or removes packages through apt; built by {@link dev.ops.sys.pkg.Packages}. The plan
 * comes from {@code apt-get -s}, and the apply step names every package with its version, so it
 * does exactly what the plan listed (or fails, if the sources changed in between) rather than what
 * apt would choose later. The simulated transaction is the plan's context and the apply's value.
 */
public final class PackageChange extends HostChange<PackageTransaction, PackageTransaction> {
    private static final Pattern SPEC = Pattern.compile("[a-z0-9][a-z0-9+.-]+(:[a-z0-9-]+)?(=[A-Za-z0-9.+~:-]+)?");
    private static final List<String> DPKG_OPTIONS = List.of("-o", "Dpkg::Options::=--force-confdef", "-o", "Dpkg::Options::=--force-confold");

    /** Whether the change installs or removes. */
    private enum Mode { INSTALL, REMOVE }

    private final Mode mode;
    private final List<String> packages;

    private PackageChange(Host host, Ops ops, Mode mode, List<String> packages) {
        super(host, ops);
        this.mode = mode;
        this.packages = List.copyOf(packages);
    }

    /** The change that installs {@code packages} ({@code name} or {@code name=version}) with their dependencies. */
    public static Change<PackageTransaction> install(Host host, Ops ops, List<String> packages) {
        return new PackageChange(host, ops, Mode.INSTALL, packages);
    }

    /** The change that removes {@code packages}, and whatever depends on them, as apt decides. */
    public static Change<PackageTransaction> remove(Host host, Ops ops, List<String> packages) {
        return new PackageChange(host, ops, Mode.REMOVE, packages);
    }

    /** What installing ({@code install}) or removing {@code packages} would do now, as {@code apt-get -s} says; changes nothing. */
    public static PackageTransaction simulate(Host host, Ops ops, boolean install, List<String> packages) {
        return new PackageChange(host, ops, install ? Mode.INSTALL : Mode.REMOVE, packages).simulate();
    }

    @Override
    public String description() {
        return (mode == Mode.INSTALL ? "install " : "remove ") + String.join(" ", packages) + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        v.check(!packages.isEmpty(), "packages", "name at least one package");
        for (String p : packages) {
            v.check(p != null && SPEC.matcher(p).matches() && (mode == Mode.INSTALL || !p.contains("=")), "packages",
                    "'" + p + "' is not a package name" + (mode == Mode.INSTALL ? " (or name=version)" : ""));
        }
    }

    /** What apt would do now, as {@code apt-get -s} says; changes nothing. */
    private PackageTransaction simulate() {
        Violations v = Violations.of(description());
        validate(v);
        v.throwIfAny();
        List<String> argv = new ArrayList<>(AptAction.env());
        argv.addAll(List.of("apt-get", "-s", "-y", mode == Mode.INSTALL ? "install" : "remove"));
        argv.addAll(DPKG_OPTIONS);
        argv.add("--");
        argv.addAll(packages);
        CommandResult r = host.run(Command.of(argv).withTimeout(java.time.Duration.ofMinutes(5)));
        if (!r.ok()) {
            AptErrors.throwIfUnknown(host.name(), r);
            AptErrors.throwIfLocked(host.name(), r);
            r.orThrow();
        }
        Set<String> requested = new LinkedHashSet<>();
        packages.forEach(p -> requested.add(p.contains("=") ? p.substring(0, p.indexOf('=')) : p));
        return new PackageTransaction(AptSimulation.parse(r.stdoutText(), requested));
    }

    @Override
    protected Planned<PackageTransaction> planSteps() {
        PackageTransaction tx = simulate();
        if (tx.isEmpty()) {
            return Planned.none(tx);
        }
        List<Step> steps = new ArrayList<>();
        List<PackageOperation> inverse = tx.operations().stream().map(PackageChange::inverse).toList();
        steps.add(Step.of(tx.operations().stream().map(PackageOperation::toString).reduce((a, b) -> a + ", " + b).orElse(""),
                new AptAction(host.name(), commandFor(tx.operations())), new AptAction(host.name(), commandFor(inverse))));
        List<String> deps = tx.operations().stream().filter(o -> o.kind() == Kind.INSTALL && !o.requested()).map(PackageOperation::name).toList();
        if (!deps.isEmpty()) {
            List<String> auto = new ArrayList<>(List.of("apt-mark", "auto"));
            auto.addAll(deps);
            List<String> manual = new ArrayList<>(List.of("apt-mark", "manual"));
            manual.addAll(deps);
            steps.add(Step.of("mark the dependencies as installed automatically (autoremove may take them later)",
                    CommandAction.of(host.name(), Command.of(auto).asRoot()), CommandAction.of(host.name(), Command.of(manual).asRoot())));
        }
        return new Planned<>(steps, notes(tx), tx);
    }

    /** What rollback needs of the sources to reinstall what the transaction replaces or removes. */
    private static List<String> notes(PackageTransaction tx) {
        List<String> notes = new ArrayList<>();
        for (PackageOperation o : tx.operations()) {
            if (o.kind() != Kind.INSTALL) {
                String version = o.kind() == Kind.REMOVE ? o.version() : o.previousVersion();
                notes.add("rollback reinstalls " + o.name() + " " + version
                        + ", which needs that version from a configured source or /var/cache/apt/archives");
            }
        }
        return notes;
    }

    /** The operation that undoes {@code o}. */
    public static PackageOperation inverse(PackageOperation o) {
        return switch (o.kind()) {
            case INSTALL -> new PackageOperation(Kind.REMOVE, o.name(), o.version(), "", o.requested());
            case REPLACE -> new PackageOperation(Kind.REPLACE, o.name(), o.previousVersion(), o.version(), o.requested());
            case REMOVE -> new PackageOperation(Kind.INSTALL, o.name(), o.version(), "", o.requested());
        };
    }

    /** One apt-get command that performs exactly these operations, every version pinned. */
    public static List<String> commandFor(List<PackageOperation> operations) {
        List<String> argv = new ArrayList<>(AptAction.env());
        boolean onlyRemovals = operations.stream().allMatch(o -> o.kind() == Kind.REMOVE);
        argv.addAll(List.of("apt-get", onlyRemovals ? "remove" : "install", "-y"));
        if (!onlyRemovals) {
            argv.add("--allow-downgrades");
        }
        argv.addAll(DPKG_OPTIONS);
        argv.add("--");
        for (PackageOperation o : operations) {
            argv.add(o.kind() == Kind.REMOVE ? (onlyRemovals ? o.name() : o.name() + "-") : o.name() + "=" + o.version());
        }
        return argv;
    }

    /** The transaction as planned and applied: apply ran exactly these pinned operations. */
    @Override
    protected PackageTransaction result(PackageTransaction planned) {
        return planned;
    }
}
