package dev.ops.usr.account;

import dev.ops.core.error.Violations;
import dev.ops.core.text.AsciiNumbers;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of {@code /etc/shadow}: the name, the password field and the aging fields kept as they
 * stand (empty fields stay empty). The password hash is never rendered in {@link #toString()}.
 */
public record ShadowEntry(String name, String password, String lastChange, String minDays, String maxDays, String warnDays,
        String inactiveDays, String expireDate, String reserved) {

    /** Checks that no field would break the line. */
    public ShadowEntry {
        Violations v = Violations.of("shadow entry");
        String[] all = {name, password, lastChange, minDays, maxDays, warnDays, inactiveDays, expireDate, reserved};
        for (String f : all) {
            v.check(f != null && f.indexOf(':') < 0 && f.indexOf('\n') < 0, "fields", "must be non-null without ':' or a newline");
        }
        v.throwIfAny();
    }

    /** Parses one line of nine fields. */
    public static ShadowEntry parse(String line) {
        String[] f = line.split(":", -1);
        Violations v = Violations.of("shadow line for '" + (f.length > 0 ? f[0] : "") + "'");
        v.check(f.length == 9, "fields", "has " + f.length + " fields, expected 9");
        v.throwIfAny();
        String[] names = {"lastChange", "minDays", "maxDays", "warnDays", "inactiveDays", "expireDate"};
        for (int i = 0; i < names.length; i++) {
            String n = f[i + 2];
            v.check(n.isEmpty() || AsciiNumbers.isDigits(n), names[i], "'" + n + "' must be empty or a number in ASCII digits");
        }
        v.throwIfAny();
        return new ShadowEntry(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]);
    }

    /** Parses a whole file, skipping blank lines. */
    public static List<ShadowEntry> parseFile(String text) {
        List<ShadowEntry> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                out.add(parse(line));
            }
        }
        return out;
    }

    /** Whether the password is locked: the field starts with '!' (as {@code usermod -L} and {@code passwd -l} leave it). */
    public boolean locked() {
        return password.startsWith("!");
    }

    /** Whether a password hash remains once any lock is removed ({@code usermod -U} refuses to unlock otherwise). */
    public boolean hasPassword() {
        String unlocked = password.replaceFirst("^!+", "");
        return !unlocked.isEmpty() && !unlocked.equals("*") && !unlocked.startsWith("*");
    }

    /** The line as it stands in {@code /etc/shadow}, without a newline. */
    public String render() {
        return String.join(":", name, password, lastChange, minDays, maxDays, warnDays, inactiveDays, expireDate, reserved);
    }

    @Override
    public String toString() {
        return "ShadowEntry[" + name + ", " + (locked() ? "locked" : "unlocked") + (hasPassword() ? ", password set" : ", no password") + "]";
    }
}
