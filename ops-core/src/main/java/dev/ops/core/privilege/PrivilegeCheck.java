package dev.ops.core.privilege;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.core.error.PrivilegeException;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.core.host.LocalHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Checks, before a plan is applied (never for a dry-run), that a host grants what the plan needs,
 * and says exactly what is missing. A probe that found everything granted is trusted for the same
 * host object for a minute, so that a run of applies on one host probes it once: a privilege lost
 * within that minute shows as the failure of the step that needed it instead. A probe that found
 * something missing is never kept; the next check asks again.
 */
public final class PrivilegeCheck {
    /** How long a probe that found everything granted is trusted for the same host object. */
    static final Duration TRUSTED_FOR = Duration.ofMinutes(1);
    /** The last probe that found everything granted, by host object (held weakly: a host that is gone is forgotten). */
    private static final Map<Host, Granted> GRANTED = Collections.synchronizedMap(new WeakHashMap<>());
    private static final String PROBE = "echo \"uid=$(id -u)\"; "
            + "if [ \"$(id -u)\" != 0 ]; then if out=$(sudo -n true 2>&1); then echo sudo=yes; else echo \"sudo=no $out\" | head -1; fi; fi; "
            + "grep '^CapEff:' /proc/self/status 2>/dev/null; "
            + "for p in \"$@\"; do command -v \"$p\" >/dev/null 2>&1 || echo \"missing=$p\"; done";

    private PrivilegeCheck() {}

    /** Reads the host's uid, sudo and capabilities in one command (the uid through jnr-posix for the local host). */
    public static HostPrivileges read(Host host) {
        return probe(host, Set.of()).privileges();
    }

    /** Each missing privilege as an operator-readable line; empty when the host grants them all. */
    public static List<String> missing(Host host, Collection<Privilege> needed) {
        if (needed.isEmpty()) {
            return List.of();
        }
        Set<String> programs = new LinkedHashSet<>();
        needed.forEach(p -> {
            if (p instanceof Privilege.Program prog) {
                programs.add(prog.name());
            }
        });
        Granted granted = GRANTED.get(host);
        if (granted != null && granted.covers(needed, programs)) {
            return List.of();
        }
        Probe probe = probe(host, programs);
        HostPrivileges hp = probe.privileges();
        List<String> missing = new ArrayList<>();
        for (Privilege p : new LinkedHashSet<>(needed)) {
            switch (p) {
                case Privilege.Root r -> {
                    if (!hp.canBeRoot()) {
                        missing.add("root: effective uid is " + hp.uid() + " and passwordless sudo is not available ("
                                + hp.sudoMessage() + ")");
                    }
                }
                case Privilege.Capability c -> {
                    if (!hp.has(c)) {
                        missing.add(c.name() + ": not in the effective capability set of uid " + hp.uid());
                    }
                }
                case Privilege.Program prog -> {
                    if (probe.missingPrograms().contains(prog.name())) {
                        missing.add("program " + prog.name() + ": not found on the PATH");
                    }
                }
            }
        }
        if (missing.isEmpty()) {
            Set<String> found = new LinkedHashSet<>(programs);
            if (granted != null && granted.fresh()) {
                found.addAll(granted.programs());
            }
            GRANTED.put(host, new Granted(hp, Set.copyOf(found), System.nanoTime()));
        }
        return missing;
    }

    /** Throws {@link PrivilegeException} listing everything missing. */
    public static void require(Host host, Collection<Privilege> needed) {
        List<String> missing = missing(host, needed);
        if (!missing.isEmpty()) {
            throw new PrivilegeException(host.name(), missing);
        }
    }

    /** A probe that found everything it was asked granted: the host's privileges and the programs found, at {@code when} (nanoTime). */
    private record Granted(HostPrivileges privileges, Set<String> programs, long when) {
        boolean fresh() {
            return System.nanoTime() - when < TRUSTED_FOR.toNanos();
        }

        /** Whether this probe, still fresh, shows every one of {@code needed} granted. */
        boolean covers(Collection<Privilege> needed, Set<String> neededPrograms) {
            if (!fresh() || !programs.containsAll(neededPrograms)) {
                return false;
            }
            for (Privilege p : needed) {
                boolean ok = switch (p) {
                    case Privilege.Root r -> privileges.canBeRoot();
                    case Privilege.Capability c -> privileges.has(c);
                    case Privilege.Program prog -> true;
                };
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Probe(HostPrivileges privileges, Set<String> missingPrograms) {}

    private static Probe probe(Host host, Set<String> programs) {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", PROBE, "sh"));
        argv.addAll(programs);
        CommandResult r = host.check(Command.of(argv));
        int uid = -1;
        boolean sudo = false;
        String sudoMessage = "";
        long caps = 0;
        Set<String> missing = new LinkedHashSet<>();
        for (String line : r.stdoutText().split("\n")) {
            if (line.startsWith("uid=")) {
                uid = AsciiNumbers.parseInt(line.substring(4).trim());
            } else if (line.startsWith("sudo=yes")) {
                sudo = true;
            } else if (line.startsWith("sudo=no")) {
                sudoMessage = line.substring(7).trim();
            } else if (line.startsWith("CapEff:")) {
                caps = Long.parseUnsignedLong(line.substring(7).trim(), 16);
            } else if (line.startsWith("missing=")) {
                missing.add(line.substring(8));
            }
        }
        if (host instanceof LocalHost local) {
            uid = local.effectiveUid();
        }
        return new Probe(new HostPrivileges(host.name(), uid, sudo, sudoMessage, caps), missing);
    }
}
