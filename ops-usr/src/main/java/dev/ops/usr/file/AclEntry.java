package dev.ops.usr.file;

import dev.ops.core.error.Violations;
import dev.ops.core.text.AsciiNumbers;
import java.util.Comparator;

/**
 * One POSIX ACL entry, as {@code getfacl} and {@code setfacl} write it: {@code user::rwx},
 * {@code user:bob:r-x}, {@code group:dev:rwx}, {@code mask::r-x}, {@code other::---}, each
 * optionally {@code default:}. The qualifier is a name or numeric id; empty for the owner, owning
 * group, mask and other entries.
 */
public record AclEntry(boolean isDefault, Tag tag, String qualifier, String permissions) {

    /** The kind of entry. */
    public enum Tag { USER, GROUP, MASK, OTHER }

    /** Orders entries as getfacl prints them: access before default, then user, group, mask, other, base before named, named by numeric id. */
    public static final Comparator<AclEntry> GETFACL_ORDER = Comparator.comparing(AclEntry::isDefault)
            .thenComparing(AclEntry::tag)
            .thenComparing(e -> !e.qualifier().isEmpty())
            .thenComparingLong(e -> AsciiNumbers.isDigits(e.qualifier()) && e.qualifier().length() < 19 ? AsciiNumbers.parseLong(e.qualifier()) : Long.MAX_VALUE)
            .thenComparing(AclEntry::qualifier);

    /** Checks the tag, qualifier and permissions; permissions are kept as three characters {@code rwx} with '-' for a missing one. */
    public AclEntry {
        Violations v = Violations.of("ACL entry");
        v.check(tag != null, "tag", "must be user, group, mask or other");
        v.check(qualifier != null && qualifier.indexOf(':') < 0 && qualifier.indexOf(',') < 0 && qualifier.strip().equals(qualifier), "qualifier",
                "'" + qualifier + "' must not contain ':', ',' or blanks");
        v.check(tag == null || qualifier == null || qualifier.isEmpty() || tag == Tag.USER || tag == Tag.GROUP, "qualifier",
                "only user and group entries name someone");
        v.check(permissions != null && permissions.matches("[r-][w-][x-]"), "permissions", "'" + permissions + "' must be like rwx, r-x or ---");
        v.throwIfAny();
    }

    /**
     * Parses {@code [d[efault]:]u[ser]|g[roup]|m[ask]|o[ther]:[qualifier]:perms} where perms is
     * {@code rwx}-style or any of r, w, x (e.g. {@code rx}) or an octal digit.
     */
    public static AclEntry parse(String text) {
        Violations v = Violations.of("ACL entry '" + text + "'");
        String s = text.strip();
        boolean def = false;
        if (s.startsWith("default:")) {
            def = true;
            s = s.substring(8);
        } else if (s.startsWith("d:")) {
            def = true;
            s = s.substring(2);
        }
        String[] f = s.split(":", -1);
        v.check(f.length == 3 || f.length == 2 && (f[0].startsWith("o") || f[0].startsWith("m")), "entry", "expected TAG:QUALIFIER:PERMS");
        v.throwIfAny();
        Tag tag = switch (f[0]) {
            case "u", "user" -> Tag.USER;
            case "g", "group" -> Tag.GROUP;
            case "m", "mask" -> Tag.MASK;
            case "o", "other" -> Tag.OTHER;
            default -> null;
        };
        v.check(tag != null, "tag", "'" + f[0] + "' is not user, group, mask or other");
        String qualifier = f.length == 3 ? f[1] : "";
        String perms = normalize(f[f.length - 1], v);
        v.throwIfAny();
        return new AclEntry(def, tag, qualifier, perms);
    }

    private static String normalize(String p, Violations v) {
        if (p.matches("[0-7]")) {
            int d = p.charAt(0) - '0';
            return ((d & 4) != 0 ? "r" : "-") + ((d & 2) != 0 ? "w" : "-") + ((d & 1) != 0 ? "x" : "-");
        }
        if (p.matches("[r-][w-][x-]")) {
            return p;
        }
        if (p.matches("[rwxX-]*") && !p.isEmpty()) {
            return (p.indexOf('r') >= 0 ? "r" : "-") + (p.indexOf('w') >= 0 ? "w" : "-") + (p.indexOf('x') >= 0 ? "x" : "-");
        }
        v.add("permissions", "'" + p + "' must be like rwx, r-x, rx or an octal digit");
        return "---";
    }

    /** Whether this names a user or group (rather than being one of the base entries or the mask). */
    public boolean isNamed() {
        return !qualifier.isEmpty();
    }

    /** The same entry with other permissions. */
    public AclEntry withPermissions(String perms) {
        return new AclEntry(isDefault, tag, qualifier, perms);
    }

    /** The same entry with another qualifier (e.g. a name resolved to its id). */
    public AclEntry withQualifier(String q) {
        return new AclEntry(isDefault, tag, q, permissions);
    }

    /** Whether {@code other} is the same entry slot (default flag, tag and qualifier), whatever its permissions. */
    public boolean sameSlot(AclEntry other) {
        return isDefault == other.isDefault && tag == other.tag && qualifier.equals(other.qualifier);
    }

    /** The permissions as an octal digit. */
    public int bits() {
        return (permissions.charAt(0) == 'r' ? 4 : 0) | (permissions.charAt(1) == 'w' ? 2 : 0) | (permissions.charAt(2) == 'x' ? 1 : 0);
    }

    /** The entry as getfacl writes it, e.g. {@code default:user:1050:r-x}. */
    public String render() {
        return (isDefault ? "default:" : "") + tag.name().toLowerCase(java.util.Locale.ROOT) + ":" + qualifier + ":" + permissions;
    }

    @Override
    public String toString() {
        return render();
    }
}
