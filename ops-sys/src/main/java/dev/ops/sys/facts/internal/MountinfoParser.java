package dev.ops.sys.facts.internal;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.sys.facts.Mount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses /proc/PID/mountinfo (proc(5)): {@code id parent major:minor root mountpoint options
 * [optional fields...] - fstype source superoptions}, with octal escapes ({@code \040}) decoded.
 */
public final class MountinfoParser {
    private MountinfoParser() {}

    /** The mounts in file order; malformed lines are skipped. */
    public static List<Mount> parse(String text) {
        List<Mount> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(" ");
            int dash = Arrays.asList(f).indexOf("-");
            if (f.length < 10 || dash < 6 || dash + 3 >= f.length + 1 || dash + 2 >= f.length) {
                continue;
            }
            try {
                List<String> optional = List.of(Arrays.copyOfRange(f, 6, dash));
                out.add(new Mount(AsciiNumbers.parseInt(f[0]), AsciiNumbers.parseInt(f[1]), f[2], unescape(f[3]), unescape(f[4]),
                        List.of(f[5].split(",")), optional, unescape(f[dash + 1]), unescape(f[dash + 2]),
                        dash + 3 < f.length ? List.of(f[dash + 3].split(",")) : List.of()));
            } catch (NumberFormatException e) {
                // skip a malformed line
            }
        }
        return out;
    }

    /** Decodes the kernel's octal escapes of space, tab, newline and backslash. */
    public static String unescape(String s) {
        return dev.ops.core.text.OctalEscapes.decode(s);
    }

    /** Escapes a path the way the kernel writes it in mountinfo (for tests and round trips). */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case ' ' -> out.append("\\040");
                case '\t' -> out.append("\\011");
                case '\n' -> out.append("\\012");
                case '\\' -> out.append("\\134");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
