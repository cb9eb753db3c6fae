package dev.ops.sys.facts.internal;

import dev.ops.core.text.AsciiNumbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses /proc/cpuinfo into one map per {@code processor} block, and kernel CPU lists such as {@code 0-3,8}. */
public final class CpuinfoParser {
    private CpuinfoParser() {}

    /** One map of {@code field -> value} per blank-line-separated block that names a processor. */
    public static List<Map<String, String>> blocks(String text) {
        List<Map<String, String>> out = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        for (String line : (text + "\n\n").split("\n", -1)) {
            if (line.isBlank()) {
                if (current.containsKey("processor")) {
                    out.add(current);
                }
                current = new LinkedHashMap<>();
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                current.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return out;
    }

    /** The CPUs in a kernel list ({@code 0-3,5,7-8}); an empty or malformed list gives none. */
    public static List<Integer> cpuList(String text) {
        List<Integer> out = new ArrayList<>();
        String s = text.strip();
        if (s.isEmpty()) {
            return out;
        }
        try {
            for (String part : s.split(",")) {
                int dash = part.indexOf('-');
                if (dash < 0) {
                    out.add(AsciiNumbers.parseInt(part.strip()));
                } else {
                    int from = AsciiNumbers.parseInt(part.substring(0, dash).strip());
                    int to = AsciiNumbers.parseInt(part.substring(dash + 1).strip());
                    for (int i = from; i <= to && out.size() < 1_000_000; i++) {
                        out.add(i);
                    }
                }
            }
        } catch (NumberFormatException e) {
            return List.of();
        }
        return out;
    }
}
