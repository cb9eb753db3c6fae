package dev.ops.pbs;

import dev.ops.core.error.Violations;
import java.util.regex.Pattern;

/**
 * A namespace of a datastore: a path of up to {@value #MAX_DEPTH} names below the root, e.g.
 * {@code prod/db}; the root namespace is the empty path. PBS counts the root as a level of its own,
 * so its "8 levels" are the root and 7 names below it ({@code MAX_NAMESPACE_DEPTH} in pbs-api-types).
 * The API schema's {@code ns} pattern ({@code (NAME/){0,7}NAME}, at most 256 characters) would admit 8
 * names; the server refuses the eighth, and so does this type, before anything is sent.
 *
 * @param path the path, {@code /}-separated, empty for the root
 */
public record Namespace(String path) {
    /** The most names a namespace has below the root: 7, which with the root namespace are PBS's 8 levels. */
    public static final int MAX_DEPTH = 7;
    private static final Pattern NAME = dev.ops.proxmox.internal.BackupServerNames.SAFE_ID;

    public Namespace {
        Violations v = Violations.of("namespace");
        v.check(path != null, "ns", "must be given (the root is the empty path)");
        if (path != null && !path.isEmpty()) {
            String[] names = path.split("/", -1);
            v.check(names.length <= MAX_DEPTH, "ns", "'" + path + "' has " + names.length + " names below the root; PBS allows at most "
                    + MAX_DEPTH + " (8 levels counting the root namespace)");
            for (String n : names) {
                v.check(NAME.matcher(n).matches() && n.length() <= 32, "ns",
                        "'" + n + "' in '" + path + "' is not a namespace name (letters, digits, . _ -, at most 32)");
            }
        }
        v.throwIfAny();
    }

    /** The root namespace. */
    public static Namespace root() {
        return new Namespace("");
    }

    /** The namespace at {@code path}, e.g. {@code prod/db}. */
    public static Namespace of(String path) {
        return new Namespace(path);
    }

    /** Whether this is the root. */
    public boolean isRoot() {
        return path.isEmpty();
    }

    /** How many names deep it is; 0 for the root. */
    public int depth() {
        return path.isEmpty() ? 0 : path.split("/").length;
    }

    /** The namespace above; the root's parent is the root. */
    public Namespace parent() {
        int i = path.lastIndexOf('/');
        return new Namespace(i < 0 ? "" : path.substring(0, i));
    }

    /** The last name, empty for the root. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return path.isEmpty() ? "(root)" : path;
    }
}
