package dev.ops.sys.process.internal;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.sys.process.ProcessInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses /proc/PID/stat, /proc/PID/status and /proc/PID/cmdline. */
public final class ProcStat {
    private static final Pattern HEADER = Pattern.compile("(?m)^==> (\\d+)/(stat|status|cmdline) <==\\n");

    private ProcStat() {}

    /**
     * The fields of a stat line: pid, the comm between the first {@code (} and the last {@code )}
     * (comm may itself hold spaces and parentheses), then the remaining fields.
     *
     * @param pid field 1
     * @param comm field 2
     * @param rest fields 3 onwards ({@code rest[0]} is the state)
     */
    public record StatLine(long pid, String comm, String[] rest) {

        /** Field {@code n} as proc(5) numbers them (3 and above). */
        public long field(int n) {
            return AsciiNumbers.parseLong(rest[n - 3]);
        }
    }

    /** Parses one stat line; null when malformed. */
    public static StatLine parseStat(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open <= 0 || close < open) {
            return null;
        }
        try {
            long pid = AsciiNumbers.parseLong(line.substring(0, open).strip());
            String[] rest = line.substring(close + 1).strip().split("\\s+");
            if (rest.length < 22) {
                return null;
            }
            return new StatLine(pid, line.substring(open + 1, close), rest);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The {@code Key:\tvalue} lines of a status file. */
    public static Map<String, String> parseStatus(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                out.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return out;
    }

    /** The NUL-separated argument vector of a cmdline file. */
    public static List<String> parseCmdline(String text) {
        List<String> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        String t = text.endsWith("\0") ? text.substring(0, text.length() - 1) : text;
        for (String a : t.split("\0", -1)) {
            out.add(a);
        }
        return out;
    }

    /** Splits {@code head -v} output into file contents by pid and file name. */
    public static Map<Long, Map<String, String>> splitHead(String text) {
        Map<Long, Map<String, String>> out = new TreeMap<>();
        Matcher m = HEADER.matcher(text);
        long pid = -1;
        String file = null;
        int start = 0;
        while (m.find()) {
            if (file != null) {
                put(out, pid, file, text.substring(start, m.start()), true);
            }
            pid = AsciiNumbers.parseLong(m.group(1));
            file = m.group(2);
            start = m.end();
        }
        if (file != null) {
            put(out, pid, file, text.substring(start), false);
        }
        return out;
    }

    private static void put(Map<Long, Map<String, String>> out, long pid, String file, String content, boolean beforeHeader) {
        // head puts a newline before every header but the first; it is not part of the file.
        String c = beforeHeader && content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        out.computeIfAbsent(pid, k -> new HashMap<>()).put(file, c);
    }

    /** Builds the process list from the sections of the process script. */
    public static List<ProcessInfo> parseAll(Map<String, String> sections) {
        long ticks = parseLong(sections.getOrDefault("clk", "100").strip(), 100);
        long page = parseLong(sections.getOrDefault("page", "4096").strip(), 4096);
        String btimeLine = sections.getOrDefault("btime", "btime 0").strip();
        long btime = parseLong(btimeLine.replaceAll("\\D", ""), 0);
        Map<Integer, String> users = new HashMap<>();
        for (String line : sections.getOrDefault("passwd", "").split("\n")) {
            String[] f = line.split(":");
            if (f.length >= 3) {
                try {
                    users.putIfAbsent(AsciiNumbers.parseInt(f[2]), f[0]);
                } catch (NumberFormatException e) {
                    // skip
                }
            }
        }
        List<ProcessInfo> out = new ArrayList<>();
        splitHead(sections.getOrDefault("procs", "")).forEach((pid, files) -> {
            StatLine stat = files.containsKey("stat") ? parseStat(files.get("stat").strip()) : null;
            if (stat == null || stat.pid() != pid) {
                return;
            }
            Map<String, String> status = parseStatus(files.getOrDefault("status", ""));
            int uid = firstInt(status.get("Uid"), -1);
            int gid = firstInt(status.get("Gid"), -1);
            try {
                long cpuTicks = stat.field(14) + stat.field(15);
                out.add(new ProcessInfo(pid, stat.field(4), stat.comm(), stat.rest()[0].charAt(0), uid,
                        users.getOrDefault(uid, Integer.toString(uid)), gid, stat.field(5), stat.field(6), (int) stat.field(20),
                        (int) stat.field(19), Duration.ofMillis(cpuTicks * 1000 / ticks),
                        Instant.ofEpochSecond(btime).plusMillis(stat.field(22) * 1000 / ticks), unsigned(stat.rest()[23 - 3]),
                        stat.field(24) * page, parseCmdline(files.getOrDefault("cmdline", ""))));
            } catch (RuntimeException e) {
                // a malformed record: leave the process out
            }
        });
        return out;
    }

    private static int firstInt(String s, int otherwise) {
        if (s == null) {
            return otherwise;
        }
        try {
            return AsciiNumbers.parseInt(s.split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** An unsigned 64-bit field ({@code vsize} may use the top bit), ASCII digits only. */
    private static long unsigned(String s) {
        if (!AsciiNumbers.isDigits(s)) {
            throw new NumberFormatException("For input string: \"" + s + "\"");
        }
        return Long.parseUnsignedLong(s);
    }

    private static long parseLong(String s, long otherwise) {
        try {
            return AsciiNumbers.parseLong(s);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
