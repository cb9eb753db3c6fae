package dev.ops.usr.account;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violations;
import java.util.ArrayList;
import java.util.List;

/** One line of {@code /etc/group} (or of {@code getent group}): name, password placeholder, gid and members. */
public record GroupEntry(String name, String password, long gid, List<String> members) {

    /** Copies the member list and checks that no field would break the line. */
    public GroupEntry {
        members = List.copyOf(members);
        Violations v = Violations.of("group entry");
        v.check(name.indexOf(':') < 0 && name.indexOf('\n') < 0 && name.indexOf(',') < 0, "name", "must not contain ':', ',' or a newline");
        v.check(password.indexOf(':') < 0 && password.indexOf('\n') < 0, "password", "must not contain ':' or a newline");
        for (String m : members) {
            v.check(!m.isEmpty() && m.indexOf(':') < 0 && m.indexOf(',') < 0 && m.indexOf('\n') < 0, "members",
                    "'" + m + "' must be non-empty without ':', ',' or a newline");
        }
        v.throwIfAny();
    }

    /** Parses one line; throws {@link ValidationException} when it does not have four fields with a numeric gid. */
    public static GroupEntry parse(String line) {
        String[] f = line.split(":", -1);
        Violations v = Violations.of("group line '" + line + "'");
        v.check(f.length == 4, "fields", "has " + f.length + " fields, expected 4");
        v.throwIfAny();
        long gid = Fields.id(v, "gid", f[2]);
        v.throwIfAny();
        List<String> members = new ArrayList<>();
        for (String m : f[3].split(",")) {
            if (!m.isEmpty()) {
                members.add(m);
            }
        }
        return new GroupEntry(f[0], f[1], gid, members);
    }

    /** Parses a whole file, skipping blank lines and comments. */
    public static List<GroupEntry> parseFile(String text) {
        List<GroupEntry> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(parse(line));
            }
        }
        return out;
    }

    /** The line as it stands in {@code /etc/group}, without a newline. */
    public String render() {
        return String.join(":", name, password, Long.toString(gid), String.join(",", members));
    }
}
