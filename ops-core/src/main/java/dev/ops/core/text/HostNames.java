package dev.ops.core.text;

import dev.ops.core.error.Violations;

/**
 * The one check of DNS labels and host names in ops (RFC 1123 as RFC 3696 reads it): dot-separated
 * labels of 1 to 63 ASCII letters, digits and inner hyphens, 253 characters at most, and a last
 * label that is not all digits (it would read as an address). Modules add their own narrower
 * limits on top (the kernel's 64 characters for a host's own name, a single label for a node).
 */
public final class HostNames {
    /** The longest host name, without a trailing dot. */
    public static final int MAX_LENGTH = 253;
    /** The longest label. */
    public static final int MAX_LABEL_LENGTH = 63;

    private HostNames() {}

    /** Whether {@code label} is one valid label: 1 to 63 letters, digits and hyphens, not starting or ending with a hyphen. */
    public static boolean isValidLabel(String label) {
        return label != null && labelProblem(label) == null;
    }

    /** Whether {@code name} is a valid host name (relative, no trailing dot). */
    public static boolean isValid(String name) {
        Violations v = Violations.of("host name");
        check(v, "name", name);
        return v.isEmpty();
    }

    /**
     * Whether {@code name} is a valid host name to look up or connect to: as {@link #isValid}, and
     * also written absolutely with one trailing dot ({@code pve-01.lab.example.}).
     */
    public static boolean isValidLookup(String name) {
        return name != null && isValid(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
    }

    /** Adds every reason {@code name} is not a valid host name to {@code v} under {@code field}. */
    public static void check(Violations v, String field, String name) {
        if (name == null || name.isEmpty()) {
            v.add(field, "must not be empty");
            return;
        }
        String shown = name.replace("\0", "\\0");
        if (name.length() > MAX_LENGTH) {
            v.add(field, "'" + shown + "' is longer than " + MAX_LENGTH + " characters");
        }
        String[] labels = name.split("\\.", -1);
        for (String l : labels) {
            String problem = labelProblem(l);
            if (problem != null) {
                v.add(field, l.isEmpty() ? "'" + shown + "' has an empty label" : problem);
            }
        }
        if (labels.length > 1 && AsciiNumbers.isDigits(labels[labels.length - 1])) {
            v.add(field, "'" + shown + "' ends in an all-numeric label and would read as an address");
        }
    }

    /** Adds every reason {@code label} is not one valid label to {@code v} under {@code field}. */
    public static void checkLabel(Violations v, String field, String label) {
        if (label == null || label.isEmpty()) {
            v.add(field, "must not be empty");
            return;
        }
        String problem = labelProblem(label);
        if (problem != null) {
            v.add(field, problem);
        }
    }

    /** Returns {@code name}, or throws a {@link dev.ops.core.error.ValidationException} listing every problem. */
    public static String require(String name) {
        Violations v = Violations.of("host name");
        check(v, "name", name);
        v.throwIfAny();
        return name;
    }

    private static String labelProblem(String l) {
        String shown = l.replace("\0", "\\0");
        if (l.isEmpty()) {
            return "a label must not be empty";
        }
        if (l.length() > MAX_LABEL_LENGTH) {
            return "label '" + shown + "' is longer than " + MAX_LABEL_LENGTH + " characters";
        }
        if (!l.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
            return "label '" + shown + "' may hold only letters, digits and hyphens";
        }
        if (l.startsWith("-") || l.endsWith("-")) {
            return "label '" + shown + "' must not start or end with a hyphen";
        }
        return null;
    }
}
