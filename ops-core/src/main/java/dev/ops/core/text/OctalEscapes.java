package dev.ops.core.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The kernel's and exportfs's octal escapes ({@code \040} for a space, {@code \011} tab,
 * {@code \012} newline, {@code \134} backslash), as {@code /proc/self/mountinfo}, {@code /proc/mounts}
 * and {@code exportfs -v} write paths. Escaped bytes are decoded as UTF-8 together with the rest,
 * so a path with non-ASCII characters written byte by byte comes back whole.
 */
public final class OctalEscapes {
    private OctalEscapes() {}

    /** {@code text} with every backslash and three octal digits replaced by that byte. */
    public static String decode(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && octal(text, i + 1)) {
                out.write((text.charAt(i + 1) - '0') * 64 + (text.charAt(i + 2) - '0') * 8 + (text.charAt(i + 3) - '0'));
                i += 3;
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
                byte[] b = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                i = end - 1;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean octal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int k = from; k < from + 3; k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '7') {
                return false;
            }
        }
        return s.charAt(from) <= '3'; // one byte: at most \377
    }
}
