package dev.ops.core.file;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.Arrays;
import java.util.List;

/** Unified diffs of text files, as {@code diff -u} prints them, for plans that edit files. */
public final class TextDiff {
    private TextDiff() {}

    /** The unified diff from {@code before} to {@code after} with 3 lines of context; empty when equal. */
    public static String unified(String path, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff("a" + prefixed(path), "b" + prefixed(path), a, patch, 3);
        return String.join("\n", out) + "\n";
    }

    private static String prefixed(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = Arrays.asList(text.split("\n", -1));
        // A trailing newline ends the last line rather than starting an empty one.
        return text.endsWith("\n") ? lines.subList(0, lines.size() - 1) : lines;
    }
}
