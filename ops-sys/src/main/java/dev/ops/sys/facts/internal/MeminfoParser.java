package dev.ops.sys.facts.internal;

import dev.ops.core.text.AsciiNumbers;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses /proc/meminfo: {@code Name:   value [kB]} lines, as bytes (values without a unit are counts). */
public final class MeminfoParser {
    private MeminfoParser() {}

    /** Values by field name: kB fields in bytes, unit-less fields (HugePages_Total) as they are. */
    public static Map<String, Long> parse(String text) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).strip();
            String[] rest = line.substring(colon + 1).strip().split("\\s+");
            if (rest.length == 0 || rest[0].isEmpty()) {
                continue;
            }
            try {
                long value = AsciiNumbers.parseLong(rest[0]);
                if (rest.length > 1 && rest[1].equalsIgnoreCase("kB")) {
                    value = Math.multiplyExact(value, 1024L);
                }
                out.put(name, value);
            } catch (NumberFormatException | ArithmeticException e) {
                // not a number: skip the line rather than fail the whole gathering
            }
        }
        return out;
    }
}
