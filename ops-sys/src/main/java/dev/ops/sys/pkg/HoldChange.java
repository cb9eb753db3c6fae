package dev.ops.sys.pkg;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.Plan;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.sys.pkg.internal.DpkgQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Puts packages on hold or takes them off ({@code apt-mark}); built by {@link Packages}. */
public final class HoldChange extends AbstractChange<List<InstalledPackage>> {
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+(:[a-z0-9-]+)?");
    private static final Pattern NOT_FOUND = Pattern.compile("no packages found matching (\\S+)");

    private final Host host;
    private final List<String> packages;
    private final boolean hold;

    HoldChange(Ops ops, Host host, List<String> packages, boolean hold) {
        super(ops);
        this.host = host;
        this.packages = List.copyOf(packages);
        this.hold = hold;
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
    protected List<Step> computeSteps() {
        List<String> toChange = current().stream().filter(p -> p.held() != hold).map(InstalledPackage::name).distinct().toList();
        if (toChange.isEmpty()) {
            return List.of();
        }
        List<String> forward = new ArrayList<>(List.of("apt-mark", hold ? "hold" : "unhold"));
        forward.addAll(toChange);
        List<String> back = new ArrayList<>(List.of("apt-mark", hold ? "unhold" : "hold"));
        back.addAll(toChange);
        return List.of(Step.of((hold ? "hold " : "unhold ") + String.join(", ", toChange),
                CommandAction.of(host.name(), Command.of(forward).asRoot()), CommandAction.of(host.name(), Command.of(back).asRoot())));
    }

    @Override
    protected Targets targets() {
        return Targets.of(host);
    }

    @Override
    protected List<InstalledPackage> result(Plan plan) {
        return current();
    }
}
