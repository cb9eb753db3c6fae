package dev.ops.sys.facts;

import dev.ops.core.error.OpsException;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.sys.facts.internal.FactsScript;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Gathers a host's facts (OS release, kernel, CPUs, memory, swap, block devices, mounts and their
 * usage, load, uptime, host name, time zone, kernel command line) in one round trip: a single
 * {@code sh -c} command prints every file it needs between per-call markers, and the output is
 * parsed here. Nothing is scraped from human-formatted tools except {@code df -P -B1}, the POSIX
 * format of statvfs, and {@code uname -m}.
 *
 * <pre>{@code
 * HostFacts f = Facts.of(host).gather();
 * FleetResult<HostFacts> all = Fleet.of(hosts).run(h -> Facts.of(h).gather());
 * }</pre>
 */
public final class Facts {
    private final Host host;
    private final Clock clock;
    private final Duration timeout;

    private Facts(Host host, Clock clock, Duration timeout) {
        this.host = Objects.requireNonNull(host, "host");
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Facts of this host, read with a 30-second timeout. */
    public static Facts of(Host host) {
        return new Facts(host, Clock.systemUTC(), Duration.ofSeconds(30));
    }

    /** The same, stamped with another clock's time. */
    public Facts clock(Clock clock) {
        return new Facts(host, Objects.requireNonNull(clock, "clock"), timeout);
    }

    /** The same, with another timeout for the one command. */
    public Facts timeout(Duration timeout) {
        return new Facts(host, clock, Objects.requireNonNull(timeout, "timeout"));
    }

    /** The one command that {@link #gather()} runs, for a given section marker. */
    public static Command command(String marker) {
        return FactsScript.command(marker, Duration.ofSeconds(30));
    }

    /** Runs the one command and parses its output; an unreadable section is left at its empty default. */
    public HostFacts gather() {
        String marker = FactsScript.newMarker();
        CommandResult r = host.run(FactsScript.command(marker, timeout));
        if (!r.ok() && r.stdout().length == 0) {
            r.orThrow();
        }
        String out = r.stdoutText();
        if (!out.contains(marker + " end")) {
            throw new OpsException("facts of " + host.name() + ": output ended early (" + r.stdout().length + " bytes, exit "
                    + r.exitCode() + ")" + (r.truncated() ? ", truncated" : ""));
        }
        return FactsScript.parse(host.name(), clock.instant(), out, marker);
    }
}
