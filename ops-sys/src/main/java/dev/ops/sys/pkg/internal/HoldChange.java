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
import dev.ops.sys.pkg.InstalledPackage;
import dev.ops.sys.pkg.UnknownPackageException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts packages on hold or takes them off ({@code apt-mark}); built by {@link dev.ops.sys.pkg.Packages}.
 * Holding a package that is not installed fails at plan with an {@link UnknownPackageException}:
 * apt-mark would record a hold for a name dpkg does not have, which protects nothing.
 */
public final class HoldChange extends HostChange<List<InstalledPackage>, Void> {
    /** A Debian package name, with an optional {@code :arch}. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+(:[a-z0-9-]+)?");
    private static final Pattern NOT_FOUND = Pattern.compile("no packages found matching (\\S+)");

    private final List<String> packages;
    private final boolean hold;

    private HoldChange(Host host, Ops ops, List<String> packages, boolean hold) {
        super(host, ops);
        this.packages = List.copyOf(packages);
        this.hold = hold;
    }

    /** The change that puts {@code packages} on hold ({@code hold}) or takes them off; yields their dpkg records after apply. */
    public static Change<List<InstalledPackage>> of(Host host, Ops ops, List<String> packages, boolean hold) {
        return new HoldChange(host, ops, packages, hold);
    }

    @Override
    public String description() {
        return (hold ? "hold " : "unhold ") + String.join(" ", packages) + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        v.check(!packages.isEmpty(), "packages", "name at least one package");
        for (String p : packages) {
            v.check(p != null && NAME.matcher(p).matches(), "packages", "'" + p + "' is not a package name");
        }
    }

    private List<InstalledPackage> current() {
        List<String> argv = new ArrayList<>(List.of("dpkg-query", "-W", "-f=" + DpkgQuery.FORMAT, "--"));
        argv.addAll(packages);
        CommandResult r = host.run(Command.of(argv));
        List<String> unknown = new ArrayList<>();
        Matcher m = NOT_FOUND.matcher(r.stderrText());
        while (m.find()) {
            unknown.add(m.group(1));
        }
        if (!unknown.isEmpty()) {
            throw new UnknownPackageException(host.name(), unknown, "dpkg has no record of them");
        }
        r.orThrow();
        return DpkgQuery.parse(r.stdoutText());
    }

    @Override
    protected Planned<Void> planSteps() {
        List<InstalledPackage> current = current();
        if (hold) {
            List<String> notInstalled = packages.stream()
                    .filter(p -> current.stream().noneMatch(c -> c.installed() && (c.name().equals(p) || p.startsWith(c.name() + ":"))))
                    .toList();
            if (!notInstalled.isEmpty()) {
                throw new UnknownPackageException(host.name(), notInstalled, "not installed, so there is nothing to hold");
            }
        }
        List<String> toChange = current.stream().filter(p -> p.held() != hold).map(InstalledPackage::name).distinct().toList();
        if (toChange.isEmpty()) {
            return Planned.none(null);
        }
        List<String> forward = new ArrayList<>(List.of("apt-mark", hold ? "hold" : "unhold"));
        forward.addAll(toChange);
        List<String> back = new ArrayList<>(List.of("apt-mark", hold ? "unhold" : "hold"));
        back.addAll(toChange);
        return Planned.of(List.of(Step.of((hold ? "hold " : "unhold ") + String.join(", ", toChange),
                CommandAction.of(host.name(), Command.of(forward).asRoot()), CommandAction.of(host.name(), Command.of(back).asRoot()))));
    }

    @Override
    protected List<InstalledPackage> result(Void context) {
        return current();
    }
}
