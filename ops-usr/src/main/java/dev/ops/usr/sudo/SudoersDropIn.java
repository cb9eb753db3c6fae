package dev.ops.usr.sudo;

import dev.ops.core.error.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The content of one file under {@code /etc/sudoers.d}: a header naming it, its Defaults lines,
 * then its rules.
 */
public record SudoersDropIn(String name, List<SudoDefault> defaults, List<SudoRule> rules) {
    /** The directory sudo reads drop-ins from. */
    public static final String DIRECTORY = "/etc/sudoers.d";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String HEADER = "# Managed by ops: sudoers drop-in ";

    /** Copies the lists and checks the name. */
    public SudoersDropIn {
        defaults = List.copyOf(defaults);
        rules = List.copyOf(rules);
        Violations v = Violations.of("sudoers drop-in");
        checkName(v, name);
        v.throwIfAny();
    }

    /** Adds a violation unless {@code name} is a drop-in name sudo reads (no '.', no trailing '~', no '/'). */
    public static void checkName(Violations v, String name) {
        if (name == null || name.isEmpty()) {
            v.add("name", "must not be empty");
        } else if (name.indexOf('.') >= 0 || name.endsWith("~")) {
            v.add("name", "'" + name + "' contains '.' or ends with '~': sudo silently ignores such files in " + DIRECTORY);
        } else if (!NAME.matcher(name).matches()) {
            v.add("name", "'" + name + "' must be 1 to 64 letters, digits, '_' or '-'");
        }
    }

    /** The path of the file. */
    public String path() {
        return DIRECTORY + "/" + name;
    }

    /** The file's text. */
    public String render() {
        StringBuilder out = new StringBuilder(HEADER).append(name).append('\n');
        defaults.forEach(d -> out.append(d.render()).append('\n'));
        rules.forEach(r -> out.append(r.render()).append('\n'));
        return out.toString();
    }

    /** Parses a file as {@link #render()} writes it. */
    public static SudoersDropIn parse(String text) {
        String name = "";
        List<SudoDefault> defaults = new ArrayList<>();
        List<SudoRule> rules = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith(HEADER)) {
                name = line.substring(HEADER.length()).strip();
            } else if (line.isBlank() || line.startsWith("#") && !line.matches("#[0-9]+[ ,].*")) {
                // '#' followed by digits is a uid in a user list, not a comment, as sudo reads it
                continue;
            } else if (line.startsWith("Defaults")) {
                defaults.add(SudoDefault.parse(line));
            } else {
                rules.add(SudoRule.parse(line));
            }
        }
        return new SudoersDropIn(name, defaults, rules);
    }
}
