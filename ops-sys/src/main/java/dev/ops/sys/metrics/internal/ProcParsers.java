package dev.ops.sys.metrics.internal;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.sys.metrics.CpuTimes;
import dev.ops.sys.metrics.DiskCounters;
import dev.ops.sys.metrics.NetCounters;
import dev.ops.sys.metrics.Pressure;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parsers of the counter files in /proc: stat, diskstats, net/dev, pressure. */
public final class ProcParsers {
    private ProcParsers() {}

    /** The {@code cpu} and {@code cpuN} lines of /proc/stat by name; missing trailing columns count as 0. */
    public static Map<String, CpuTimes> cpuLines(String stat) {
        Map<String, CpuTimes> out = new LinkedHashMap<>();
        for (String line : stat.split("\n")) {
            if (!line.startsWith("cpu")) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            long[] v = new long[8];
            try {
                for (int i = 0; i < 8 && i + 1 < f.length; i++) {
                    v[i] = AsciiNumbers.parseLong(f[i + 1]);
                }
            } catch (NumberFormatException e) {
                continue;
            }
            out.put(f[0], new CpuTimes(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]));
        }
        return out;
    }

    /** /proc/diskstats by device name (the first 14 columns; newer kernels add more, which are ignored). */
    public static Map<String, DiskCounters> diskstats(String text) {
        Map<String, DiskCounters> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 14) {
                continue;
            }
            try {
                out.put(f[2], new DiskCounters(f[2], AsciiNumbers.parseLong(f[3]), AsciiNumbers.parseLong(f[5]), AsciiNumbers.parseLong(f[7]), AsciiNumbers.parseLong(f[9]),
                        AsciiNumbers.parseLong(f[12])));
            } catch (NumberFormatException e) {
                // skip a malformed line
            }
        }
        return out;
    }

    /** /proc/net/dev by interface: {@code name: rx-bytes rx-packets ... (8 rx columns) tx-bytes tx-packets ...}. */
    public static Map<String, NetCounters> netdev(String text) {
        Map<String, NetCounters> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.lastIndexOf(':');
            if (colon < 0 || line.contains("|")) {
                continue;
            }
            String name = line.substring(0, colon).strip();
            String[] f = line.substring(colon + 1).trim().split("\\s+");
            if (name.isEmpty() || f.length < 10) {
                continue;
            }
            try {
                out.put(name, new NetCounters(name, AsciiNumbers.parseLong(f[0]), AsciiNumbers.parseLong(f[1]), AsciiNumbers.parseLong(f[8]), AsciiNumbers.parseLong(f[9])));
            } catch (NumberFormatException e) {
                // skip
            }
        }
        return out;
    }

    /** A /proc/pressure file: {@code some avg10=.. avg60=.. avg300=.. total=..} and the same for {@code full}. */
    public static Pressure pressure(String text) {
        Map<String, Map<String, String>> byKind = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 2 || !(f[0].equals("some") || f[0].equals("full"))) {
                continue;
            }
            Map<String, String> kv = new LinkedHashMap<>();
            for (int i = 1; i < f.length; i++) {
                int eq = f[i].indexOf('=');
                if (eq > 0) {
                    kv.put(f[i].substring(0, eq), f[i].substring(eq + 1));
                }
            }
            byKind.put(f[0], kv);
        }
        if (!byKind.containsKey("some")) {
            return Pressure.ABSENT;
        }
        try {
            Map<String, String> some = byKind.get("some");
            Map<String, String> full = byKind.getOrDefault("full", Map.of());
            return new Pressure(true, Double.parseDouble(some.getOrDefault("avg10", "0")), AsciiNumbers.parseLong(some.getOrDefault("total", "0")),
                    Double.parseDouble(full.getOrDefault("avg10", "0")), AsciiNumbers.parseLong(full.getOrDefault("total", "0")));
        } catch (NumberFormatException e) {
            return Pressure.ABSENT;
        }
    }
}
