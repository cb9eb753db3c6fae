package dev.ops.sto.zfs.internal;

import dev.ops.core.error.Violations;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * ZFS's naming rules (OpenZFS {@code zfs_namecheck.c}): components of letters, digits, {@code _ - : .}
 * and space, separated by {@code /}; one {@code @} before a snapshot's name; names shorter than 256
 * bytes; pool names start with a letter and are not reserved words.
 */
public final class ZfsNames {
    /** The longest name ZFS accepts, in bytes (ZFS_MAX_DATASET_NAME_LEN less the terminating NUL). */
    public static final int MAX_LENGTH = 255;
    private static final Set<String> RESERVED_POOLS = Set.of("mirror", "raidz", "raidz1", "raidz2", "raidz3", "draid", "spare", "log", "cache",
            "special", "dedup");

    private ZfsNames() {}

    private static boolean validChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == ':' || c == '.' || c == ' ';
    }

    private static String component(String c) {
        if (c.isEmpty()) {
            return "has an empty component";
        }
        if (c.equals(".") || c.equals("..")) {
            return "has a '" + c + "' component";
        }
        for (int i = 0; i < c.length(); i++) {
            if (!validChar(c.charAt(i))) {
                return "has the invalid character " + describe(c.charAt(i)) + " (allowed: letters, digits, _ - : . and space)";
            }
        }
        return null;
    }

    private static String describe(char c) {
        return c < 0x20 || c == 0x7f ? String.format(java.util.Locale.ROOT, "U+%04X", (int) c) : "'" + c + "'";
    }

    /** Adds a violation of {@code field} unless {@code name} is a valid pool name. */
    public static void checkPool(Violations v, String field, String name) {
        if (name == null || name.isBlank()) {
            v.add(field, "must not be blank");
            return;
        }
        String problem = component(name);
        if (problem == null && !Character.isLetter(name.charAt(0))) {
            problem = "must start with a letter";
        }
        if (problem == null && (RESERVED_POOLS.contains(name) || name.matches("c[0-9].*"))) {
            problem = "is a reserved name";
        }
        if (problem != null) {
            v.add(field, "pool name '" + name + "' " + problem);
        }
    }

    /** Adds a violation of {@code field} unless {@code name} is a valid file system or volume name ({@code pool/a/b}). */
    public static void checkDataset(Violations v, String field, String name) {
        if (name == null || name.isBlank()) {
            v.add(field, "must not be blank");
            return;
        }
        if (name.indexOf('@') >= 0 || name.indexOf('#') >= 0) {
            v.add(field, "dataset name '" + printable(name) + "' must not hold '@' or '#' (a snapshot or bookmark)");
            return;
        }
        checkPath(v, field, name, "dataset");
    }

    /** Adds a violation of {@code field} unless {@code name} is a valid snapshot name ({@code pool/a@snap}). */
    public static void checkSnapshot(Violations v, String field, String name) {
        if (name == null || name.isBlank()) {
            v.add(field, "must not be blank");
            return;
        }
        int at = name.indexOf('@');
        if (at < 0 || at != name.lastIndexOf('@')) {
            v.add(field, "snapshot name '" + printable(name) + "' must hold exactly one '@' (dataset@snapshot)");
            return;
        }
        String snap = name.substring(at + 1);
        String problem = component(snap);
        if (problem != null) {
            v.add(field, "snapshot name '" + printable(name) + "': the part after '@' " + problem);
            return;
        }
        checkPath(v, field, name.substring(0, at), "snapshot");
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            v.add(field, "snapshot name is " + name.getBytes(StandardCharsets.UTF_8).length + " bytes, over ZFS's limit of " + MAX_LENGTH);
        }
    }

    private static void checkPath(Violations v, String field, String name, String what) {
        String[] parts = name.split("/", -1);
        Violations pool = Violations.of("pool");
        checkPool(pool, field, parts[0]);
        if (!pool.isEmpty()) {
            v.add(field, what + " name '" + printable(name) + "': " + pool.list().get(0).message());
            return;
        }
        for (String p : parts) {
            String problem = component(p);
            if (problem != null) {
                v.add(field, what + " name '" + printable(name) + "' " + problem);
                return;
            }
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            v.add(field, what + " name is " + name.getBytes(StandardCharsets.UTF_8).length + " bytes, over ZFS's limit of " + MAX_LENGTH);
        }
    }

    /** The name with control characters escaped, for messages. */
    public static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c == 0x7f ? String.format(java.util.Locale.ROOT, "\\x%02x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }
}
