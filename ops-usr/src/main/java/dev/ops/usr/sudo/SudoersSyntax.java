package dev.ops.usr.sudo;

import dev.ops.core.error.Violations;
import dev.ops.usr.account.AccountNames;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Token checks, escaping and splitting shared by the sudoers values. */
final class SudoersSyntax {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:/_-]*");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");

    private SudoersSyntax() {}

    /** A user list entry: ALL, a user name, {@code %group}, {@code #uid} or {@code %#gid}. */
    static void checkUser(Violations v, String field, String token) {
        if (!checkOneLine(v, field, token)) {
            return;
        }
        if (token.equals("ALL") || token.startsWith("#") && NUMBER.matcher(token.substring(1)).matches()
                || token.startsWith("%#") && NUMBER.matcher(token.substring(2)).matches()) {
            return;
        }
        if (token.startsWith("%")) {
            AccountNames.check(v, field, token.substring(1));
        } else {
            AccountNames.check(v, field, token);
        }
    }

    /** A group list entry: ALL, a group name or {@code #gid}. */
    static void checkGroup(Violations v, String field, String token) {
        if (!checkOneLine(v, field, token)) {
            return;
        }
        if (token.equals("ALL") || token.startsWith("#") && NUMBER.matcher(token.substring(1)).matches()) {
            return;
        }
        AccountNames.check(v, field, token);
    }

    static void checkHost(Violations v, String field, String token) {
        if (!checkOneLine(v, field, token)) {
            return;
        }
        v.check(token.equals("ALL") || HOST.matcher(token).matches(), field, "'" + token + "' is not ALL, a host name, an address or a network");
    }

    /**
     * Adds a violation unless {@code value} keeps the structure of the line it is rendered into: no
     * control character (a newline or NUL would end or cut the line, a CR is read as a blank), no
     * backslash at the end (it would continue the line into the next entry, and visudo would then
     * blame that next line). Returns whether it was fine.
     */
    static boolean checkOneLine(Violations v, String field, String value) {
        return checkOneLine(v, field, value, false);
    }

    /** As {@link #checkOneLine(Violations, String, String)}; a value rendered through {@link #escapeCommand} may end in a backslash (it is doubled). */
    static boolean checkOneLine(Violations v, String field, String value, boolean escaped) {
        if (value == null) {
            v.add(field, "must not be null");
            return false;
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            v.add(field, "'" + printable(value) + "' must not contain a line break, NUL, tab or other control character");
            return false;
        }
        if (!escaped && value.endsWith("\\")) {
            v.add(field, "'" + value + "' must not end with a backslash (sudoers would continue the line into the next entry)");
            return false;
        }
        return true;
    }

    /** The value with control characters shown as {@code \xNN}, for messages. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.chars().forEach(c -> out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", c) : String.valueOf((char) c)));
        return out.toString();
    }

    /** A command: ALL, an absolute path with arguments, or {@code sudoedit} with a path; {@code !} negates. */
    static void checkCommand(Violations v, String field, String command) {
        if (!checkOneLine(v, field, command, true)) {
            return;
        }
        String c = command.startsWith("!") ? command.substring(1) : command;
        if (c.isEmpty() || !c.strip().equals(c) || c.indexOf('#') >= 0) {
            v.add(field, "'" + command + "' must be one line without surrounding blanks or '#' (sudoers would read a comment)");
        } else if (c.replace(" \"\"", "").indexOf('"') >= 0 || c.contains(" \"\"") && !c.endsWith(" \"\"")) {
            v.add(field, "'" + command + "' must not contain '\"' except a final \"\" argument (no arguments allowed)");
        } else if (!c.equals("ALL") && !c.startsWith("/") && !c.startsWith("sudoedit /")) {
            v.add(field, "'" + command + "' must be ALL, an absolute path or sudoedit with an absolute path");
        }
    }

    /** Escapes the characters sudoers gives a meaning to inside a command line. */
    static String escapeCommand(String command) {
        StringBuilder out = new StringBuilder();
        for (char c : command.toCharArray()) {
            if (c == '\\' || c == ',' || c == ':' || c == '=') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                c = text.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Splits on {@code sep} where it is not escaped with a backslash; parts are stripped. */
    static List<String> split(String text, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                cur.append(c).append(text.charAt(++i));
            } else if (c == sep) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().strip());
        return out;
    }

    /** The index of the first {@code c} not escaped with a backslash, or -1. */
    static int indexOfUnescaped(String text, char c, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
