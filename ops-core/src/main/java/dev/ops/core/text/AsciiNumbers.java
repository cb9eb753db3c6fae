package dev.ops.core.text;

/**
 * Parses integers from text written by programs and people, accepting ASCII digits only.
 *
 * <p>{@link Integer#parseInt} and {@link Character#isDigit} accept every Unicode decimal digit, so
 * {@code "١٢٧"} (Arabic-Indic digits) parses as 127. Configuration files, command output and API
 * answers never mean that, and an address or a port that reads differently to a person and to ops
 * is a way to smuggle a value past review. Every number ops reads from text goes through here.
 * The methods throw {@link NumberFormatException}, as the JDK's do, so that callers keep their handling.
 */
public final class AsciiNumbers {
    private AsciiNumbers() {}

    /** Whether {@code c} is one of {@code 0-9}. */
    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether {@code c} is one of {@code 0-9a-fA-F}. */
    public static boolean isHexDigit(char c) {
        return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** Whether {@code text} is non-empty and made of {@code 0-9} only (no sign). */
    public static boolean isDigits(CharSequence text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@link Integer#parseInt(String)} restricted to an optional sign and ASCII digits. */
    public static int parseInt(String text) {
        return Integer.parseInt(checked(text, 10));
    }

    /** {@link Integer#parseInt(String, int)} restricted to an optional sign and ASCII digits (and ASCII letters above radix 10). */
    public static int parseInt(String text, int radix) {
        return Integer.parseInt(checked(text, radix), radix);
    }

    /** {@link Long#parseLong(String)} restricted to an optional sign and ASCII digits. */
    public static long parseLong(String text) {
        return Long.parseLong(checked(text, 10));
    }

    /** {@link Long#parseLong(String, int)} restricted to an optional sign and ASCII digits (and ASCII letters above radix 10). */
    public static long parseLong(String text, int radix) {
        return Long.parseLong(checked(text, radix), radix);
    }

    private static String checked(String text, int radix) {
        if (text == null) {
            throw new NumberFormatException("Cannot parse null string");
        }
        int start = !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = radix <= 10 ? c >= '0' && c < '0' + radix
                    : isDigit(c) || c >= 'a' && c < 'a' + radix - 10 || c >= 'A' && c < 'A' + radix - 10;
            if (!ok) {
                throw new NumberFormatException("For input string: \"" + text + "\"" + (c > 0x7f ? " (only ASCII digits are numbers)" : ""));
            }
        }
        return text;
    }
}
