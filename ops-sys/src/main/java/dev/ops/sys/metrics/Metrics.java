package dev.ops.sys.metrics;

import dev.ops.core.error.OpsException;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.sys.facts.internal.FactsScript;
import dev.ops.sys.facts.internal.HeadFiles;
import dev.ops.sys.facts.internal.MeminfoParser;
import dev.ops.sys.facts.internal.Sections;
import dev.ops.sys.metrics.internal.ProcParsers;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a host's counters (/proc/stat, /proc/diskstats, /proc/net/dev, /proc/meminfo,
 * /proc/pressure/memory, /proc/uptime) in one command; {@link Rates#between} or a {@link Sampler}
 * turns two readings into rates.
 *
 * <pre>{@code
 * Metrics.Sampler sampler = Metrics.of(host).sampler();
 * sampler.sample();                            // first reading: no rates yet
 * Optional<Rates> r = sampler.sample();        // rates since the previous call
 * }</pre>
 */
public final class Metrics {
    /** The counter files, read by one {@code head -v} process. */
    private static final List<String> FILES = List.of("/proc/uptime", "/proc/stat", "/proc/diskstats", "/proc/net/dev", "/proc/meminfo",
            "/proc/pressure/memory");
    private static final String SCRIPT = "m=$1; printf '\\n%s files\\n' \"$m\"; head -v -c 4194304 " + String.join(" ", FILES)
            + " 2>/dev/null; printf '\\n%s end\\n' \"$m\"; exit 0";

    private final Host host;
    private final Clock clock;

    private Metrics(Host host, Clock clock) {
        this.host = Objects.requireNonNull(host, "host");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Metrics of this host, readings stamped with the system clock. */
    public static Metrics of(Host host) {
        return new Metrics(host, Clock.systemUTC());
    }

    /** The same, readings stamped with {@code clock}. */
    public Metrics clock(Clock clock) {
        return new Metrics(host, clock);
    }

    /** Takes one reading. */
    public Reading read() {
        String marker = FactsScript.newMarker();
        CommandResult r = host.check(Command.builder().addArgv("sh", "-c", SCRIPT, "ops-metrics", marker)
                .timeout(Duration.ofSeconds(30)).build());
        String out = r.stdoutText();
        if (!out.contains(marker + " end")) {
            throw new OpsException("metrics of " + host.name() + ": output ended early");
        }
        return parse(host.name(), clock.instant(), HeadFiles.split(Sections.split(out, marker).getOrDefault("files", ""), FILES));
    }

    /** Builds a reading from the counter files by path. */
    static Reading parse(String host, java.time.Instant at, Map<String, String> files) {
        Map<String, CpuTimes> cpuLines = ProcParsers.cpuLines(files.getOrDefault("/proc/stat", ""));
        CpuTimes total = cpuLines.getOrDefault("cpu", new CpuTimes(0, 0, 0, 0, 0, 0, 0, 0));
        Map<String, CpuTimes> perCpu = new LinkedHashMap<>(cpuLines);
        perCpu.remove("cpu");
        Map<String, Long> mem = MeminfoParser.parse(files.getOrDefault("/proc/meminfo", ""));
        double uptime;
        try {
            uptime = Double.parseDouble(files.getOrDefault("/proc/uptime", "0").trim().split("\\s+")[0]);
        } catch (NumberFormatException e) {
            throw new OpsException("metrics of " + host + ": unreadable /proc/uptime");
        }
        return new Reading(host, at, uptime, total, perCpu, ProcParsers.diskstats(files.getOrDefault("/proc/diskstats", "")),
                ProcParsers.netdev(files.getOrDefault("/proc/net/dev", "")), mem.getOrDefault("MemTotal", 0L),
                mem.getOrDefault("MemAvailable", mem.getOrDefault("MemFree", 0L)), ProcParsers.pressure(files.getOrDefault("/proc/pressure/memory", "")));
    }

    /** A sampler over this host: each call reads once and gives the rates since the previous call. */
    public Sampler sampler() {
        return new Sampler(this);
    }

    /** Turns consecutive readings of one host into rates; keeps the last reading. Not thread-safe. */
    public static final class Sampler {
        private final Metrics metrics;
        private Reading previous;

        private Sampler(Metrics metrics) {
            this.metrics = metrics;
        }

        /** Reads now; the rates since the previous reading, or empty on the first call (or after a reboot). */
        public Optional<Rates> sample() {
            return offer(metrics.read());
        }

        /** Feeds a reading taken elsewhere; the rates since the previous one, or empty when there is none to compare with. */
        public Optional<Rates> offer(Reading reading) {
            Reading before = previous;
            previous = reading;
            if (before == null || reading.uptimeSeconds() <= before.uptimeSeconds()) {
                return Optional.empty();
            }
            return Optional.of(Rates.between(before, reading));
        }
    }
}
