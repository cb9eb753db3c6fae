package dev.ops.sto.smb.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** smb.conf as lines and sections; replacing a section touches only its own lines. */
public final class SmbConf {
    private final List<String> lines;

    private SmbConf(List<String> lines) {
        this.lines = lines;
    }

    /** The file's content as lines. */
    public static SmbConf parse(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return new SmbConf(lines);
    }

    private static String header(String line) {
        String s = line.strip();
        return s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1).strip() : null;
    }

    /** Section names (case as written) with their parameters ({@code name = value}, keys lower-cased as samba compares them). */
    public Map<String, Map<String, String>> sections() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Map<String, String> cur = null;
        for (String l : lines) {
            String h = header(l);
            if (h != null) {
                cur = new LinkedHashMap<>();
                out.put(h, cur);
                continue;
            }
            String s = l.strip();
            if (cur == null || s.isEmpty() || s.startsWith("#") || s.startsWith(";")) {
                continue;
            }
            int eq = s.indexOf('=');
            if (eq > 0) {
                cur.put(s.substring(0, eq).strip().toLowerCase(Locale.ROOT), s.substring(eq + 1).strip());
            }
        }
        return out;
    }

    /** [first, last) line range of the section {@code name} (compared case-insensitively, as samba does), or null. */
    private int[] range(String name) {
        for (int i = 0; i < lines.size(); i++) {
            String h = header(lines.get(i));
            if (h != null && h.equalsIgnoreCase(name)) {
                int j = i + 1;
                while (j < lines.size() && header(lines.get(j)) == null) {
                    j++;
                }
                // trailing blank lines belong to the gap before the next section
                while (j > i + 1 && lines.get(j - 1).isBlank()) {
                    j--;
                }
                return new int[] {i, j};
            }
        }
        return null;
    }

    /** The text with section {@code name} replaced by {@code section} (appended after a blank line when missing). */
    public String with(String name, String section) {
        List<String> out = new ArrayList<>(lines);
        List<String> add = Arrays.asList(section.split("\n"));
        int[] r = range(name);
        if (r == null) {
            if (!out.isEmpty() && !out.get(out.size() - 1).isBlank()) {
                out.add("");
            }
            out.addAll(add);
        } else {
            out.subList(r[0], r[1]).clear();
            out.addAll(r[0], add);
        }
        return join(out);
    }

    /** The text without section {@code name}. */
    public String without(String name) {
        int[] r = range(name);
        if (r == null) {
            return join(lines);
        }
        List<String> out = new ArrayList<>(lines);
        int end = r[1];
        while (end < out.size() && out.get(end).isBlank()) {
            end++;
        }
        out.subList(r[0], end).clear();
        return join(out);
    }

    private static String join(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
