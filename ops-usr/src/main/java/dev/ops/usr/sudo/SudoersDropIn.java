package dev.ops.usr.sudo;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violations;
import dev.ops.usr.error.UnreadableLineException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

    private static int trailingBackslashes(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(line.length() - 1 - n) == '\\') {
            n++;
        }
        return n;
    }

    /** Parses a file as {@link #render()} writes it; see {@link #parse(byte[], String)}. */
    public static SudoersDropIn parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8), "sudoers drop-in");
    }

    /**
     * Parses a file as {@link #render()} writes it. Comments and blank lines are skipped; every other
     * line must read back exactly as ops would write it, or the whole file is refused with an
     * {@link UnreadableLineException} naming {@code path} and each such line: an include directive,
     * an alias, a line continued with a backslash, a tag ops does not model, bytes that are not UTF-8.
     * Nothing sudo would read is ever dropped silently.
     */
    public static SudoersDropIn parse(byte[] content, String path) {
        String name = "";
        List<SudoDefault> defaults = new ArrayList<>();
        List<SudoRule> rules = new ArrayList<>();
        List<UnreadableLineException.Problem> problems = new ArrayList<>();
        int start = 0;
        int number = 0;
        while (start < content.length) {
            int end = start;
            while (end < content.length && content[end] != '\n') {
                end++;
            }
            number++;
            byte[] raw = Arrays.copyOfRange(content, start, end);
            start = end + 1;
            String problem = null;
            String line;
            try {
                line = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw)).toString();
            } catch (CharacterCodingException e) {
                problems.add(new UnreadableLineException.Problem(number, raw, "not UTF-8"));
                continue;
            }
            String stripped = line.strip();
            if (line.startsWith(HEADER)) {
                name = line.substring(HEADER.length()).strip();
            } else if (trailingBackslashes(line) % 2 == 1) {
                problem = "continues onto the next line with a backslash";
            } else if (stripped.matches("[#@]include(dir)?(\\s.*)?")) {
                problem = "an include directive, which ops does not manage";
            } else if (stripped.isEmpty() || stripped.startsWith("#") && !stripped.matches("#[0-9]+[ ,].*")) {
                // a comment ('#' followed by digits is a uid in a user list, not a comment, as sudo reads it)
                continue;
            } else if (stripped.matches("(User|Runas|Host|Cmnd|Cmd)_Alias\\s.*")) {
                problem = "an alias, which ops does not model";
            } else {
                try {
                    String again;
                    if (stripped.startsWith("Defaults")) {
                        SudoDefault d = SudoDefault.parse(stripped);
                        defaults.add(d);
                        again = d.render();
                    } else {
                        SudoRule r = SudoRule.parse(stripped);
                        rules.add(r);
                        again = r.render();
                    }
                    if (!again.equals(line.stripTrailing())) {
                        problem = "ops would read it as '" + again + "'";
                    }
                } catch (ValidationException e) {
                    problem = e.violations().stream().map(Object::toString).collect(Collectors.joining("; "));
                }
            }
            if (problem != null) {
                problems.add(new UnreadableLineException.Problem(number, raw, problem));
            }
        }
        if (!problems.isEmpty()) {
            throw new UnreadableLineException(path, problems);
        }
        return new SudoersDropIn(name, defaults, rules);
    }
}
