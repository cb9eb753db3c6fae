package dev.ops.sys.facts.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses os-release(5): {@code KEY=value} lines with shell-style quoting, comments and blank lines. */
public final class OsReleaseParser {
    private OsReleaseParser() {}

    /** The variables by name; malformed lines are skipped. */
    public static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq);
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                continue;
            }
            out.put(key, unquote(line.substring(eq + 1)));
        }
        return out;
    }

    /** Shell unquoting of one value: double quotes with backslash escapes, single quotes literal, bare words. */
    static String unquote(String v) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < v.length()) {
            char c = v.charAt(i);
            if (c == '"') {
                i++;
                while (i < v.length() && v.charAt(i) != '"') {
                    char d = v.charAt(i);
                    if (d == '\\' && i + 1 < v.length() && "\"\\$`".indexOf(v.charAt(i + 1)) >= 0) {
                        out.append(v.charAt(i + 1));
                        i += 2;
                    } else {
                        out.append(d);
                        i++;
                    }
                }
                i++;
            } else if (c == '\'') {
                int end = v.indexOf('\'', i + 1);
                if (end < 0) {
                    end = v.length();
                }
                out.append(v, i + 1, end);
                i = end + 1;
            } else if (c == '\\' && i + 1 < v.length()) {
                out.append(v.charAt(i + 1));
                i += 2;
            } else if (Character.isWhitespace(c)) {
                break;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
