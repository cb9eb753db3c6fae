package dev.ops.sys.facts.internal;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.sys.facts.FilesystemUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code df -P -B1} output. The POSIX format has six columns, but the source (first) and
 * the mount point (last) may contain spaces, so a line is matched around its four numeric columns
 * and the capacity column, and the mount point is taken as everything after it.
 */
public final class DfParser {
    private static final Pattern LINE = Pattern.compile("^(.*?)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+%|-)\\s+(/.*)$");

    private DfParser() {}

    /** The usage lines; the header and lines that do not match are skipped. */
    public static List<FilesystemUsage> parse(String text) {
        List<FilesystemUsage> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            try {
                out.add(new FilesystemUsage(m.group(6), m.group(1).strip(), AsciiNumbers.parseLong(m.group(2)), AsciiNumbers.parseLong(m.group(3)),
                        AsciiNumbers.parseLong(m.group(4))));
            } catch (NumberFormatException e) {
                // a value beyond long: skip
            }
        }
        return out;
    }
}
