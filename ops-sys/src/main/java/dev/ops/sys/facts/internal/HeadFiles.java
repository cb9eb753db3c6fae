package dev.ops.sys.facts.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the output of {@code head -v -c N FILE...} back into files. head writes
 * {@code ==> FILE <==} before each file, and a blank line before every header but the first.
 * Only a header naming one of the requested files, later in the list than the previous header,
 * starts a new file, so a file whose content imitates a header cannot forge one for an earlier
 * path or for a path that was not requested.
 */
public final class HeadFiles {
    private HeadFiles() {}

    /** File contents by path, for the requested files that head printed (missing files are absent). */
    public static Map<String, String> split(String output, List<String> requested) {
        Map<String, String> out = new LinkedHashMap<>();
        int pos = 0;
        int nextIndex = 0;
        String current = null;
        int contentStart = 0;
        while (pos < output.length()) {
            int nl = output.indexOf('\n', pos);
            int end = nl < 0 ? output.length() : nl;
            String line = output.substring(pos, end);
            int found = -1;
            if (line.startsWith("==> ") && line.endsWith(" <==")) {
                String path = line.substring(4, line.length() - 4);
                for (int i = nextIndex; i < requested.size(); i++) {
                    if (requested.get(i).equals(path)) {
                        found = i;
                        break;
                    }
                }
            }
            if (found >= 0) {
                if (current != null) {
                    out.put(current, dropSeparator(output.substring(contentStart, pos)));
                }
                current = requested.get(found);
                nextIndex = found + 1;
                contentStart = nl < 0 ? output.length() : nl + 1;
            }
            pos = nl < 0 ? output.length() : nl + 1;
        }
        if (current != null) {
            out.put(current, output.substring(Math.min(contentStart, output.length())));
        }
        return out;
    }

    private static String dropSeparator(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
