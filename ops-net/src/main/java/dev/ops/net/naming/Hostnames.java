package dev.ops.net.naming;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.core.error.Violations;
import java.util.regex.Pattern;

/** RFC 1123 host names: dot-separated labels of 1-63 letters, digits and inner hyphens, 253 characters at most. */
public final class Hostnames {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private Hostnames() {}

    /** Whether {@code label} is one valid label. */
    public static boolean isValidLabel(String label) {
        return label != null && LABEL.matcher(label).matches();
    }

    /** Whether {@code name} is a valid host name. */
    public static boolean isValid(String name) {
        Violations v = Violations.of("host name");
        check(v, "name", name);
        return v.isEmpty();
    }

    /** Adds every reason {@code name} is not a valid host name to {@code v} under {@code field}. */
    public static void check(Violations v, String field, String name) {
        if (name == null || name.isEmpty()) {
            v.add(field, "must not be empty");
            return;
        }
        if (name.length() > 253) {
            v.add(field, "'" + name + "' is longer than 253 characters");
        }
        String[] labels = name.split("\\.", -1);
        for (String l : labels) {
            if (l.isEmpty()) {
                v.add(field, "'" + name + "' has an empty label");
            } else if (l.length() > 63) {
                v.add(field, "label '" + l + "' is longer than 63 characters");
            } else if (!l.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-'))) {
                v.add(field, "label '" + l + "' may hold only letters, digits and hyphens");
            } else if (l.startsWith("-") || l.endsWith("-")) {
                v.add(field, "label '" + l + "' must not start or end with a hyphen");
            }
        }
        if (labels.length > 1 && AsciiNumbers.isDigits(labels[labels.length - 1])) {
            v.add(field, "'" + name + "' ends in an all-numeric label and would read as an address");
        }
    }

    /** Returns {@code name}, or throws a {@code ValidationException} listing every problem. */
    public static String require(String name) {
        Violations v = Violations.of("host name");
        check(v, "name", name);
        v.throwIfAny();
        return name;
    }
}
