package dev.ops.usr.account;

import dev.ops.core.error.Violations;
import java.util.regex.Pattern;

/**
 * The names shadow-utils accepts for users and groups: useradd's default {@code NAME_REGEX}
 * {@code ^[a-z_][a-z0-9_-]*[$]?$}, at most 32 characters.
 */
public final class AccountNames {
    /** The longest name useradd accepts. */
    public static final int MAX_LENGTH = 32;

    private static final Pattern NAME = Pattern.compile("^[a-z_][a-z0-9_-]*[$]?$");

    private AccountNames() {}

    /** Whether shadow-utils would accept {@code name} as a user or group name. */
    public static boolean isValid(String name) {
        return name != null && !name.isEmpty() && name.length() <= MAX_LENGTH && NAME.matcher(name).matches();
    }

    /** Adds a violation of {@code field} unless {@code name} is a valid user or group name; says why. */
    public static void check(Violations v, String field, String name) {
        if (name == null || name.isEmpty()) {
            v.add(field, "must not be empty");
        } else if (name.length() > MAX_LENGTH) {
            v.add(field, "'" + name + "' is " + name.length() + " characters long; shadow-utils allows at most " + MAX_LENGTH);
        } else if (!NAME.matcher(name).matches()) {
            v.add(field, "'" + name + "' does not match ^[a-z_][a-z0-9_-]*[$]?$ (lower-case letters, digits, '_' and '-', "
                    + "starting with a letter or '_', optionally ending in '$')");
        }
    }

    /**
     * Adds a violation of {@code field} unless {@code name} can be looked up at all: not empty, no
     * NUL, ':', newline or other control character. Looser than {@link #check}, for reading accounts
     * that other tools (LDAP, sssd) may name more freely.
     */
    public static void checkLookup(Violations v, String field, String name) {
        v.check(name != null && !name.isEmpty() && name.indexOf(':') < 0 && name.chars().noneMatch(c -> c < 0x20 || c == 0x7f), field,
                "'" + (name == null ? null : name.replace("\0", "\\0")) + "' must be a name without NUL, ':' or control characters");
    }

    /** Adds a violation unless {@code id} is a usable uid or gid (0 to 4294967294; -1 is reserved). */
    public static void checkId(Violations v, String field, long id) {
        v.check(id >= 0 && id < 4294967295L, field, id + " is not a valid id (0 to 4294967294)");
    }
}
