package dev.ops.usr.ssh.internal;

import dev.ops.core.error.Violations;
import dev.ops.usr.ssh.KeyOption;
import dev.ops.usr.ssh.SshKeyType;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an {@code authorized_keys} line the way sshd does: options up to the first unquoted blank
 * (a {@code "} opens and closes a value, {@code \"} inside a value is a literal quote), then the key
 * type, the base64 data and the comment.
 */
public final class KeyLineParser {
    private KeyLineParser() {}

    /** The parts of a key line, before the key itself is checked. */
    public record Parts(List<KeyOption> options, String type, String base64, String comment) {}

    /** Splits {@code line}; adds every problem to {@code v} and returns null when it cannot be split. */
    public static Parts split(String line, Violations v) {
        String s = stripEnd(line);
        int i = skipBlanks(s, 0);
        if (i == s.length() || s.charAt(i) == '#') {
            v.add("line", "is blank or a comment, not a key");
            return null;
        }
        List<KeyOption> options = new ArrayList<>();
        int tokenEnd = tokenEnd(s, i);
        if (SshKeyType.fromWireName(s.substring(i, tokenEnd)).isEmpty() && !looksLikeBareType(s.substring(i, tokenEnd))) {
            i = options(s, i, options, v);
            if (i < 0) {
                return null;
            }
            i = skipBlanks(s, i);
        }
        int typeEnd = tokenEnd(s, i);
        String type = s.substring(i, typeEnd);
        if (type.isEmpty()) {
            v.add("type", "the key type is missing after the options");
            return null;
        }
        i = skipBlanks(s, typeEnd);
        int dataEnd = tokenEnd(s, i);
        String base64 = s.substring(i, dataEnd);
        String comment = s.substring(skipBlanks(s, dataEnd)).strip();
        return new Parts(options, type, base64, comment);
    }

    /** A first token without '=' or ',' that is not a known type is taken as a (wrong) key type rather than an option list. */
    private static boolean looksLikeBareType(String token) {
        return token.contains("-") && (token.startsWith("ssh-") || token.startsWith("ecdsa-") || token.startsWith("sk-"))
                && !token.contains("=") && !token.contains(",");
    }

    private static int options(String s, int i, List<KeyOption> out, Violations v) {
        while (true) {
            int nameStart = i;
            while (i < s.length() && s.charAt(i) != '=' && s.charAt(i) != ',' && !blank(s.charAt(i))) {
                i++;
            }
            String name = s.substring(nameStart, i);
            if (name.isEmpty()) {
                v.add("options", "empty option name at column " + (i + 1));
                return -1;
            }
            if (i < s.length() && s.charAt(i) == '=') {
                i++;
                if (i >= s.length() || s.charAt(i) != '"') {
                    v.add("options", "the value of option " + name + " must be in double quotes");
                    return -1;
                }
                i++;
                StringBuilder value = new StringBuilder();
                boolean closed = false;
                while (i < s.length()) {
                    char c = s.charAt(i);
                    if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        value.append('"');
                        i += 2;
                    } else if (c == '"') {
                        closed = true;
                        i++;
                        break;
                    } else {
                        value.append(c);
                        i++;
                    }
                }
                if (!closed) {
                    v.add("options", "the value of option " + name + " has no closing quote");
                    return -1;
                }
                out.add(KeyOption.of(name, value.toString()));
            } else {
                out.add(KeyOption.flag(name));
            }
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                continue;
            }
            if (i < s.length() && !blank(s.charAt(i))) {
                v.add("options", "unexpected '" + s.charAt(i) + "' after option " + name + " at column " + (i + 1));
                return -1;
            }
            if (i >= s.length()) {
                v.add("type", "the line has options but no key");
                return -1;
            }
            return i;
        }
    }

    private static int tokenEnd(String s, int i) {
        while (i < s.length() && !blank(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && blank(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }

    private static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }
}
