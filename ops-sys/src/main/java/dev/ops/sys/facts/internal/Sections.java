package dev.ops.sys.facts.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Splits the output of a gathering script into named sections. Each section starts with a line
 * {@code <marker> <name>} preceded by a newline the script adds, so a file without a trailing
 * newline still ends its section cleanly. The marker is a per-call random token, so file contents
 * cannot forge a section.
 */
public final class Sections {
    private Sections() {}

    /** The sections by name, in output order; a repeated name keeps its last content. */
    public static Map<String, String> split(String output, String marker) {
        Map<String, String> out = new LinkedHashMap<>();
        String prefix = marker + " ";
        String current = null;
        StringBuilder body = new StringBuilder();
        int pos = 0;
        while (pos <= output.length()) {
            int nl = output.indexOf('\n', pos);
            String line = nl < 0 ? output.substring(pos) : output.substring(pos, nl);
            boolean last = nl < 0;
            if (line.startsWith(prefix)) {
                if (current != null) {
                    out.put(current, trimAdded(body));
                }
                current = line.substring(prefix.length()).strip();
                body.setLength(0);
            } else if (current != null) {
                body.append(line);
                if (!last) {
                    body.append('\n');
                }
            }
            if (last) {
                break;
            }
            pos = nl + 1;
        }
        if (current != null) {
            out.put(current, trimAdded(body));
        }
        return out;
    }

    /** Drops the newline the script put before the next marker. */
    private static String trimAdded(StringBuilder body) {
        int n = body.length();
        if (n > 0 && body.charAt(n - 1) == '\n') {
            return body.substring(0, n - 1);
        }
        return body.toString();
    }
}
