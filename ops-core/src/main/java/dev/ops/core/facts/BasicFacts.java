package dev.ops.core.facts;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.core.error.OpsException;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The handful of facts every host tool wants first — hostname, kernel, architecture, OS, uptime,
 * load and memory — read from /proc and /etc in one round trip. ops-sys gathers the full set.
 *
 * @param hostname the node name ({@code uname -n})
 * @param kernel the kernel release ({@code uname -r})
 * @param architecture the machine hardware name ({@code uname -m})
 * @param os the PRETTY_NAME of /etc/os-release
 * @param uptime time since boot
 * @param load1 1-minute load average
 * @param load5 5-minute load average
 * @param load15 15-minute load average
 * @param memTotalBytes MemTotal of /proc/meminfo
 * @param memAvailableBytes MemAvailable of /proc/meminfo
 */
public record BasicFacts(String hostname, String kernel, String architecture, String os, Duration uptime, double load1,
        double load5, double load15, long memTotalBytes, long memAvailableBytes) {

    /** The one shell command that prints every fact, section by section. */
    static final String SCRIPT = "uname -n; uname -r; uname -m; "
            + "(. /etc/os-release 2>/dev/null && echo \"${PRETTY_NAME:-$NAME}\") || echo unknown; "
            + "cat /proc/uptime /proc/loadavg; grep -E '^(MemTotal|MemAvailable):' /proc/meminfo";

    /** Reads the facts of {@code host} with one command. */
    public static BasicFacts of(Host host) {
        return parse(host.name(), host.check(Command.of("sh", "-c", SCRIPT)).stdoutText());
    }

    /** Parses the output of {@link #SCRIPT}. */
    static BasicFacts parse(String host, String out) {
        String[] lines = out.split("\n");
        if (lines.length < 8) {
            throw new OpsException(host + ": unexpected facts output (" + lines.length + " lines)");
        }
        try {
            String[] up = lines[4].trim().split("\\s+");
            String[] load = lines[5].trim().split("\\s+");
            Map<String, Long> mem = new HashMap<>();
            for (int i = 6; i < lines.length; i++) {
                String[] kv = lines[i].split(":\\s*");
                mem.put(kv[0], AsciiNumbers.parseLong(kv[1].replace("kB", "").trim()) * 1024);
            }
            return new BasicFacts(lines[0].trim(), lines[1].trim(), lines[2].trim(), lines[3].trim(),
                    Duration.ofMillis((long) (Double.parseDouble(up[0]) * 1000)), Double.parseDouble(load[0]),
                    Double.parseDouble(load[1]), Double.parseDouble(load[2]), mem.getOrDefault("MemTotal", 0L),
                    mem.getOrDefault("MemAvailable", 0L));
        } catch (RuntimeException e) {
            throw new OpsException(host + ": cannot parse facts output: " + e.getMessage(), e);
        }
    }
}
