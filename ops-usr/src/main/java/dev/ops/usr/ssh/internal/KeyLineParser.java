package dev.ops.usr.ssh.internal;

import dev.ops.core.error.Violations;
import dev.ops.usr.ssh.KeyOption;
import dev.ops.usr.ssh.SshKeyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Splits an {@code authorized_keys} line the way sshd does ({@code auth_check_authkey_line} in
 * OpenSSH's {@code auth2-pubkeyfile.c}): a line that starts with a key type is a key without
 * options; otherwise the options run up to the first blank outside double quotes ({@code \"} is a
 * literal quote) and the key follows. Options are then read as {@code sshauthopt_parse} reads them:
 * names case-insensitive, flags matched in sshd's order, values in double quotes, empty entries
 * between commas skipped.
 */
public final class KeyLineParser {
    private KeyLineParser() {}

    /** The names sshd accepts in a key line for a type besides its own wire name, and the type each stands for. */
    private static final Map<String, SshKeyType> ALIASES = Map.of(
            "rsa-sha2-256", SshKeyType.RSA,
            "rsa-sha2-512", SshKeyType.RSA,
            "rsa-sha2-256-cert-v01@openssh.com", SshKeyType.RSA_CERT,
            "rsa-sha2-512-cert-v01@openssh.com", SshKeyType.RSA_CERT,
            "webauthn-sk-ecdsa-sha2-nistp256@openssh.com", SshKeyType.SK_ECDSA_NISTP256,
            "webauthn-sk-ecdsa-sha2-nistp256-cert-v01@openssh.com", SshKeyType.SK_ECDSA_NISTP256_CERT);

    /**
     * The parts of a key line, before the key itself is checked. {@code optionsProblems} are the
     * reasons sshd would refuse the options (empty when it reads them); {@code options} then holds
     * the options that could be read.
     */
    public record Parts(List<KeyOption> options, List<String> optionsProblems, String type, String base64, String comment) {}

    /** The key type a type name in a key line stands for ({@code rsa-sha2-512} is RSA, as sshd reads it). */
    public static Optional<SshKeyType> type(String name) {
        Optional<SshKeyType> t = SshKeyType.fromWireName(name);
        return t.isPresent() ? t : Optional.ofNullable(ALIASES.get(name));
    }

    /** Whether the line is blank or a comment for sshd (leading blanks skipped). */
    public static boolean isBlankOrComment(String line) {
        String s = stripEnd(line);
        int i = skipBlanks(s, 0);
        return i == s.length() || s.charAt(i) == '#';
    }

    /** Splits {@code line}; adds every problem to {@code v} and returns null when it cannot be split. */
    public static Parts split(String line, Violations v) {
        String s = stripEnd(line);
        int i = skipBlanks(s, 0);
        if (i == s.length() || s.charAt(i) == '#') {
            v.add("line", "is blank or a comment, not a key");
            return null;
        }
        List<KeyOption> options = new ArrayList<>();
        List<String> optionsProblems = List.of();
        String first = s.substring(i, tokenEnd(s, i));
        if (type(first).isEmpty() && !looksLikeBareType(first)) {
            int end = advancePastOptions(s, i);
            if (end < 0) {
                v.add("options", "a double quote has no closing quote (sshd refuses the line)");
                return null;
            }
            optionsProblems = options(s.substring(i, end), options);
            i = skipBlanks(s, end);
        }
        int typeEnd = tokenEnd(s, i);
        String type = s.substring(i, typeEnd);
        if (type.isEmpty()) {
            v.add("type", "the line has options but no key");
            return null;
        }
        i = skipBlanks(s, typeEnd);
        int dataEnd = tokenEnd(s, i);
        String base64 = s.substring(i, dataEnd);
        String comment = s.substring(skipBlanks(s, dataEnd)).strip();
        return new Parts(options, optionsProblems, type, base64, comment);
    }

    /** A first token without '=' or ',' that looks like a type name is taken as a (wrong) key type rather than an option list. */
    private static boolean looksLikeBareType(String token) {
        return (token.startsWith("ssh-") || token.startsWith("ecdsa-") || token.startsWith("sk-") || token.startsWith("rsa-")
                || token.startsWith("webauthn-")) && !token.contains("=") && !token.contains(",") && !token.contains("\"");
    }

    /** sshd's {@code sshkey_advance_past_options}: the index of the first blank outside quotes, or -1 for a quote left open. */
    private static int advancePastOptions(String s, int i) {
        boolean quoted = false;
        for (; i < s.length() && (quoted || !blank(s.charAt(i))); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            }
        }
        return quoted ? -1 : i;
    }

    /** Reads {@code opts} as sshd's {@code sshauthopt_parse} does into {@code out}; returns every reason sshd would refuse them (empty when it reads them). */
    static List<String> options(String opts, List<KeyOption> out) {
        List<String> problems = new ArrayList<>();
        int i = 0;
        int n = opts.length();
        while (i < n) {
            int start = i;
            String problem = null;
            String flag = matchFlag(opts, i);
            if (flag != null) {
                out.add(KeyOption.flag(opts.substring(i, i + flag.length())));
                i += flag.length();
            } else {
                String valued = null;
                for (String name : KeyOption.VALUED) {
                    if (opts.regionMatches(true, i, name + "=", 0, name.length() + 1)) {
                        valued = opts.substring(i, i + name.length());
                        break;
                    }
                }
                if (valued != null) {
                    i += valued.length() + 1;
                    if (i >= n || opts.charAt(i) != '"') {
                        problem = "the value of option " + valued + " must be in double quotes";
                    } else {
                        i++;
                        StringBuilder value = new StringBuilder();
                        while (i < n && opts.charAt(i) != '"') {
                            if (opts.charAt(i) == '\\' && i + 1 < n && opts.charAt(i + 1) == '"') {
                                i++;
                            }
                            value.append(opts.charAt(i++));
                        }
                        if (i >= n) {
                            problem = "the value of option " + valued + " has no closing quote";
                        } else {
                            i++;
                            out.add(KeyOption.of(valued, value.toString()));
                        }
                    }
                }
            }
            if (problem == null && i < n && opts.charAt(i) != ',') {
                problem = unknown(token(opts, start));
            }
            if (problem != null) {
                problems.add(problem);
                i = tokenEnd(opts, start, ',');
            }
            i++;
        }
        return problems;
    }

    private static String unknown(String token) {
        int eq = token.indexOf('=');
        String name = eq < 0 ? token : token.substring(0, eq);
        if (eq < 0 && KeyOption.isKnownValued(name)) {
            return "option " + name + " needs a quoted value";
        }
        if (eq >= 0 && KeyOption.isKnownFlag(name)) {
            return "option " + name + " takes no value";
        }
        return "unknown option '" + (token.length() > 40 ? token.substring(0, 40) + "..." : token) + "' (sshd would refuse the whole line)";
    }

    /** The flag sshd's {@code opt_flag} calls would match at {@code i} (with its {@code no-} when there is one), in sshd's order. */
    private static String matchFlag(String s, int i) {
        for (String f : KeyOption.PLAIN_FLAGS) {
            if (s.regionMatches(true, i, f, 0, f.length())) {
                return f;
            }
        }
        boolean negated = s.regionMatches(true, i, "no-", 0, 3);
        for (String f : KeyOption.NEGATABLE_FLAGS) {
            if (s.regionMatches(true, negated ? i + 3 : i, f, 0, f.length())) {
                return negated ? "no-" + f : f;
            }
        }
        return null;
    }

    private static String token(String s, int i) {
        return s.substring(i, tokenEnd(s, i, ','));
    }

    /** The index of the first {@code sep} at or after {@code i} outside double quotes (or the end). */
    private static int tokenEnd(String s, int i, char sep) {
        boolean quoted = false;
        while (i < s.length() && (quoted || s.charAt(i) != sep)) {
            if (s.charAt(i) == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                i++;
            } else if (s.charAt(i) == '"') {
                quoted = !quoted;
            }
            i++;
        }
        return Math.min(i, s.length());
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
