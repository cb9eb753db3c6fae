package dev.ops.sys.pkg.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.sys.pkg.PackageManagerLockedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs an apt or dpkg command line as root and turns a held package manager lock into a
 * {@link PackageManagerLockedException}. Before it runs, it also refuses when another process
 * holds a BSD lock ({@code flock}) on the frontend lock file, since apt itself only sees the
 * POSIX (fcntl) locks that dpkg and apt take.
 *
 * @param target the host's name
 * @param argv the command line, e.g. {@code apt-get install -y curl=7.88.1-10}
 */
public record AptAction(String target, List<String> argv) implements Action {
    /** The lock apt and dpkg frontends take first. */
    public static final String FRONTEND_LOCK = "/var/lib/dpkg/lock-frontend";
    static final int LOCKED_EXIT = 75;
    private static final String WRAPPER = "if command -v flock >/dev/null 2>&1 && [ -e " + FRONTEND_LOCK + " ] "
            + "&& ! flock -n -E " + LOCKED_EXIT + " " + FRONTEND_LOCK + " true; then "
            + "echo 'E: " + FRONTEND_LOCK + " is flock-ed by another process' >&2; exit " + LOCKED_EXIT + "; fi; exec \"$@\"";

    public AptAction {
        Objects.requireNonNull(target, "target");
        argv = List.copyOf(argv);
    }

    /** The command as it runs: with a non-interactive frontend, C locale and kept configuration files. */
    public Command command() {
        List<String> full = new ArrayList<>(List.of("sh", "-c", WRAPPER, "ops-apt"));
        full.addAll(argv);
        return Command.builder().argv(full).sudo(true).timeout(java.time.Duration.ofMinutes(30)).build();
    }

    @Override
    public boolean needsRoot() {
        return true;
    }

    @Override
    public String render() {
        return "sudo -n " + dev.ops.core.host.ShellQuote.join(argv);
    }

    @Override
    public void execute(Targets targets) {
        CommandResult r = targets.host(target).run(command());
        if (!r.ok()) {
            AptErrors.throwIfLocked(target, r);
            r.orThrow();
        }
    }

    /** The environment apt runs with, as leading {@code env} arguments. */
    public static List<String> env() {
        return List.of("env", "DEBIAN_FRONTEND=noninteractive", "LC_ALL=C");
    }
}
