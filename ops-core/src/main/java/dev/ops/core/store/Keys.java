package dev.ops.core.store;

import dev.ops.core.error.Violations;

/** Checks store keys: non-blank slash-separated segments of printable ASCII, no {@code .} or {@code ..}. */
public final class Keys {
    private Keys() {}

    /** Throws a {@link dev.ops.core.error.ValidationException} naming what is wrong with {@code key}. */
    public static String check(String key) {
        Violations v = Violations.of("store key");
        if (key == null || key.isEmpty()) {
            v.add("key", "must not be empty");
        } else {
            if (key.length() > 512) {
                v.add("key", "is longer than 512 characters");
            }
            if (key.startsWith("/") || key.endsWith("/") || key.contains("//")) {
                v.add("key", "'" + key + "' has an empty segment");
            }
            for (String segment : key.split("/")) {
                if (segment.equals(".") || segment.equals("..")) {
                    v.add("key", "'" + key + "' has a '.' or '..' segment");
                }
            }
            if (!key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                v.add("key", "'" + key + "' must be printable ASCII without spaces");
            }
        }
        v.throwIfAny();
        return key;
    }
}
