package dev.ops.bench.fleet;

import dev.ops.core.text.AsciiNumbers;
import java.util.List;
import java.util.stream.Stream;

/**
 * The four facts the benchmark gathers from each host, parsed from the output of {@link #SCRIPT}.
 *
 * @param hostname {@code uname -n}
 * @param kernel {@code uname -r}
 * @param loadAverage the 1, 5 and 15 minute load averages from {@code /proc/loadavg}
 * @param memTotalKb {@code MemTotal} from {@code /proc/meminfo}
 * @param memAvailableKb {@code MemAvailable} from {@code /proc/meminfo}
 */
public record Facts(String hostname, String kernel, String loadAverage, long memTotalKb, long memAvailableKb) {

    /** Where the facts are read: hostname and kernel release as {@code uname -n} and {@code -r} report them. */
    public static final List<String> FILES = List.of("/proc/sys/kernel/hostname", "/proc/sys/kernel/osrelease",
            "/proc/loadavg", "/proc/meminfo");

    /**
     * One round trip and one process per host: the first three lines of each file (which gives
     * the same as {@code uname -n; uname -r; cat /proc/loadavg; head -3 /proc/meminfo} with one
     * process instead of four).
     */
    public static final List<String> ARGV = Stream.concat(Stream.of("sed", "-sn", "1,3p"), FILES.stream())
            .toList();

    /** {@link #ARGV} as a shell command line (for ssh, ansible -m raw and -m command). */
    public static final String SCRIPT = String.join(" ", ARGV);

    /** Parses the output of {@link #SCRIPT}. */
    public static Facts parse(String output) {
        List<String> lines = output.lines().toList();
        if (lines.size() < 6) {
            throw new IllegalArgumentException("expected 6 lines of facts, got: " + output);
        }
        String[] load = lines.get(2).split(" ");
        return new Facts(lines.get(0), lines.get(1), load[0] + " " + load[1] + " " + load[2],
                kb(lines, "MemTotal:"), kb(lines, "MemAvailable:"));
    }

    private static long kb(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key)).findFirst()
                .map(l -> AsciiNumbers.parseLong(l.substring(key.length()).replace("kB", "").strip()))
                .orElseThrow(() -> new IllegalArgumentException("no " + key + " in facts"));
    }
}
