package dev.ops.usr.account;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violations;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of {@code /etc/passwd} (or of {@code getent passwd}): name, password placeholder, uid,
 * gid, GECOS, home and shell.
 */
public record PasswdEntry(String name, String password, long uid, long gid, String gecos, String home, String shell) {

    /** Checks that no field holds a ':' or a newline, which would break the line. */
    public PasswdEntry {
        Violations v = Violations.of("passwd entry");
        for (String[] f : new String[][] {{"name", name}, {"password", password}, {"gecos", gecos}, {"home", home}, {"shell", shell}}) {
            v.check(f[1] != null, f[0], "must not be null");
            v.check(f[1] == null || f[1].indexOf(':') < 0 && f[1].indexOf('\n') < 0, f[0], "must not contain ':' or a newline");
        }
        v.throwIfAny();
    }

    /** Parses one line; throws {@link ValidationException} when it does not have seven fields with numeric ids. */
    public static PasswdEntry parse(String line) {
        String[] f = line.split(":", -1);
        Violations v = Violations.of("passwd line '" + line + "'");
        v.check(f.length == 7, "fields", "has " + f.length + " fields, expected 7");
        v.throwIfAny();
        long uid = Fields.id(v, "uid", f[2]);
        long gid = Fields.id(v, "gid", f[3]);
        v.throwIfAny();
        return new PasswdEntry(f[0], f[1], uid, gid, f[4], f[5], f[6]);
    }

    /** Parses a whole file, skipping blank lines and comments. */
    public static List<PasswdEntry> parseFile(String text) {
        List<PasswdEntry> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(parse(line));
            }
        }
        return out;
    }

    /** The line as it stands in {@code /etc/passwd}, without a newline. */
    public String render() {
        return String.join(":", name, password, Long.toString(uid), Long.toString(gid), gecos, home, shell);
    }
}
