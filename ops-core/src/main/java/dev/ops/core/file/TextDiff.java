package dev.ops.core.file;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.ops.core.secret.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Unified diffs of text files, as {@code diff -u} prints them, for plans that edit files. Both
 * sides are redacted as whole texts before they are cut into lines, so that a secret spanning
 * lines (a private key, a password with a newline) is masked in the diff too.
 */
public final class TextDiff {
    private TextDiff() {}

    /** The unified diff from {@code before} to {@code after} with 3 lines of context; empty when equal. */
    public static String unified(String path, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(Redactor.global().redact(before));
        List<String> b = lines(Redactor.global().redact(after));
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff("a" + prefixed(path), "b" + prefixed(path), a, patch, 3);
        return String.join("\n", out) + "\n";
    }

    /**
     * The unified diff of two versions of a file that may hold any bytes. Lines are shown decoded as
     * UTF-8 (a malformed byte shows as U+FFFD) for reading only; what is written is the bytes.
     */
    public static String unified(String path, byte[] before, byte[] after) {
        if (java.util.Arrays.equals(before, after)) {
            return "";
        }
        return unified(path, new String(before, StandardCharsets.UTF_8), new String(after, StandardCharsets.UTF_8));
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
