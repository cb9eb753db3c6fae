package dev.ops.usr.sudo;

import dev.ops.core.error.Violations;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code Defaults} line: a setting ({@code !requiretty}, {@code env_keep += "A B"}) for everyone
 * or for the listed users, hosts, run-as users or commands.
 */
public record SudoDefault(Scope scope, List<String> targets, String setting) {
    private static final Pattern FLAG = Pattern.compile("!*[a-z_]+");
    private static final Pattern ASSIGNMENT = Pattern.compile("([a-z_]+)( ?[+-]?= ?)(.*)", Pattern.DOTALL);

    /** Whom a Defaults line applies to, and the character sudoers writes after {@code Defaults}. */
    public enum Scope {
        ALL(""), USERS(":"), HOSTS("@"), RUNAS(">"), COMMANDS("!");

        private final String marker;

        Scope(String marker) {
            this.marker = marker;
        }

        /** The character after {@code Defaults}. */
        public String marker() {
            return marker;
        }
    }

    /** Copies the targets and checks the setting and targets. */
    public SudoDefault {
        targets = List.copyOf(targets);
        Violations v = Violations.of("sudo Defaults");
        checkSetting(v, setting);
        v.check(scope == Scope.ALL ? targets.isEmpty() : !targets.isEmpty(), "targets",
                scope == Scope.ALL ? "must be empty for a global Defaults line" : "must name at least one target for scope " + scope);
        for (String t : targets) {
            switch (scope) {
                case USERS, RUNAS -> SudoersSyntax.checkUser(v, "targets", t);
                case HOSTS -> SudoersSyntax.checkHost(v, "targets", t);
                case COMMANDS -> {
                    SudoersSyntax.checkCommand(v, "targets", t);
                    v.check(t.indexOf(' ') < 0, "targets", "'" + t + "': a Defaults! command is a path without arguments");
                }
                case ALL -> { }
            }
        }
        v.throwIfAny();
    }

    /**
     * Adds a violation of {@code setting} unless it is one setting that cannot change the structure
     * of the rendered file: {@code name}, {@code !name}, or {@code name[+-]=value} where the value is
     * either in double quotes (no {@code "} or backslash inside) or a single word without blanks,
     * quotes, commas, {@code #} or backslashes; never a control character or a final backslash.
     */
    static void checkSetting(Violations v, String setting) {
        if (!SudoersSyntax.checkOneLine(v, "setting", setting)) {
            return;
        }
        if (FLAG.matcher(setting).matches()) {
            return;
        }
        java.util.regex.Matcher m = ASSIGNMENT.matcher(setting);
        if (!m.matches()) {
            v.add("setting", "'" + setting + "' must be name, !name, or name[+-]=value (one setting per line)");
            return;
        }
        String value = m.group(3);
        if (value.startsWith("\"")) {
            v.check(value.length() >= 2 && value.endsWith("\"") && value.substring(1, value.length() - 1).chars().noneMatch(c -> c == '"' || c == '\\'),
                    "setting", "'" + setting + "': a quoted value must end with its closing quote and hold no other '\"' or backslash");
        } else {
            v.check(!value.isEmpty() && value.chars().noneMatch(c -> c == ' ' || c == '"' || c == ',' || c == '#' || c == '\\'), "setting",
                    "'" + setting + "': an unquoted value must be one word without blanks, '\"', ',', '#' or backslashes (quote values with blanks or commas)");
        }
    }

    /** A setting for everyone. */
    public static SudoDefault global(String setting) {
        return new SudoDefault(Scope.ALL, List.of(), setting);
    }

    /** A setting for the listed users ({@code Defaults:alice,%ops}). */
    public static SudoDefault forUsers(String setting, String... users) {
        return new SudoDefault(Scope.USERS, Arrays.asList(users), setting);
    }

    /** A setting in the given scope. */
    public static SudoDefault of(Scope scope, String setting, String... targets) {
        return new SudoDefault(scope, Arrays.asList(targets), setting);
    }

    /** The line as written in a sudoers file. */
    public String render() {
        List<String> t = scope == Scope.COMMANDS ? targets.stream().map(SudoersSyntax::escapeCommand).toList() : targets;
        return "Defaults" + scope.marker() + String.join(",", t) + " " + setting;
    }

    /** Parses a line as {@link #render()} writes it. */
    public static SudoDefault parse(String line) {
        Violations v = Violations.of("sudo Defaults line '" + line + "'");
        v.check(line.startsWith("Defaults"), "line", "must start with Defaults");
        v.throwIfAny();
        String rest = line.substring("Defaults".length());
        Scope scope = Scope.ALL;
        for (Scope s : Scope.values()) {
            if (!s.marker().isEmpty() && rest.startsWith(s.marker())) {
                scope = s;
            }
        }
        if (scope == Scope.ALL) {
            return global(rest.strip());
        }
        int sp = SudoersSyntax.indexOfUnescaped(rest, ' ', 1);
        v.check(sp > 0, "line", "has targets but no setting");
        v.throwIfAny();
        List<String> targets = SudoersSyntax.split(rest.substring(1, sp), ',');
        if (scope == Scope.COMMANDS) {
            targets = targets.stream().map(SudoersSyntax::unescape).toList();
        }
        return new SudoDefault(scope, targets, rest.substring(sp + 1).strip());
    }
}
