package dev.ops.usr.ssh;

import dev.ops.core.error.Violations;
import dev.ops.core.text.AsciiNumbers;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One option in front of an authorized key, e.g. {@code no-pty} or {@code command="echo a,b"}.
 * {@code value} is null for a flag; a value is kept unquoted (as sshd sees it). Names are
 * case-insensitive, as sshd reads them.
 *
 * <p>The options are those of OpenSSH's {@code sshauthopt_parse} ({@code auth-options.c}): the
 * flags {@code restrict} and {@code cert-authority}; {@code port-forwarding},
 * {@code agent-forwarding}, {@code x11-forwarding}, {@code touch-required},
 * {@code verify-required}, {@code pty} and {@code user-rc}, each also in a {@code no-} form; and
 * the quoted values {@code command}, {@code principals}, {@code from}, {@code expiry-time},
 * {@code environment}, {@code permitopen}, {@code permitlisten} and {@code tunnel}.
 */
public record KeyOption(String name, String value) {
    /** The flags sshd knows that cannot take a {@code no-} prefix. */
    public static final List<String> PLAIN_FLAGS = List.of("restrict", "cert-authority");
    /** The flags sshd knows that also take a {@code no-} prefix, in the order sshd tries them. */
    public static final List<String> NEGATABLE_FLAGS = List.of("port-forwarding", "agent-forwarding", "x11-forwarding", "touch-required",
            "verify-required", "pty", "user-rc");
    /** The options that take a quoted value, in the order sshd tries them. */
    public static final List<String> VALUED = List.of("command", "principals", "from", "expiry-time", "environment", "permitopen",
            "permitlisten", "tunnel");

    private static final Pattern EXPIRY = Pattern.compile("([0-9]{4})([0-9]{2})([0-9]{2})(?:([0-9]{2})([0-9]{2})([0-9]{2})?)?(?:[Zz]|[Uu][Tt][Cc])?");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");
    /** sshd's SSH_TUNID_MAX. */
    private static final long TUNNEL_MAX = 0x7fffffffL - 2;

    /** A flag option such as {@code no-pty}. */
    public static KeyOption flag(String name) {
        return new KeyOption(name, null);
    }

    /** An option with a value such as {@code from="10.0.0.0/8"}. */
    public static KeyOption of(String name, String value) {
        return new KeyOption(name, value);
    }

    /** Whether this option has no value. */
    public boolean isFlag() {
        return value == null;
    }

    /** The name in lower case, as sshd compares it. */
    public String canonicalName() {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }

    /** Whether sshd knows {@code name} as a flag (any case, with {@code no-} where sshd allows it). */
    public static boolean isKnownFlag(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (PLAIN_FLAGS.contains(n)) {
            return true;
        }
        return NEGATABLE_FLAGS.contains(n.startsWith("no-") ? n.substring(3) : n);
    }

    /** Whether sshd knows {@code name} as an option taking a quoted value (any case). */
    public static boolean isKnownValued(String name) {
        return VALUED.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Adds every problem with this option to {@code v}: unknown names, a value missing or not allowed, a value sshd would refuse or could not read back. */
    public void validate(Violations v, String field) {
        if (name == null || name.isEmpty()) {
            v.add(field, "the option name is missing");
            return;
        }
        boolean flag = isKnownFlag(name);
        boolean valued = isKnownValued(name);
        if (!flag && !valued) {
            v.add(field, "unknown option '" + name + "' (sshd would refuse the whole line)");
            return;
        }
        if (valued && value == null) {
            v.add(field, "option " + name + " needs a quoted value");
            return;
        }
        if (flag && value != null) {
            v.add(field, "option " + name + " takes no value");
            return;
        }
        if (value == null) {
            return;
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            v.add(field, "the value of " + name + " must not contain a line break, NUL or other control character");
        }
        if (value.endsWith("\\")) {
            v.add(field, "the value of " + name + " must not end with a backslash (it would escape the closing quote)");
        }
        valueProblem().ifPresent(p -> v.add(field, p));
    }

    /** Why sshd would refuse this option's value, if it would (the checks of {@code auth-options.c}). */
    private Optional<String> valueProblem() {
        switch (canonicalName()) {
            case "expiry-time" -> {
                return validExpiry(value) ? Optional.empty()
                        : Optional.of("expiry-time '" + value + "' must be YYYYMMDD, YYYYMMDDHHMM or YYYYMMDDHHMMSS in ASCII digits, optionally ending in Z or UTC");
            }
            case "environment" -> {
                int eq = value.indexOf('=');
                return eq > 0 && ENV_NAME.matcher(value.substring(0, eq)).matches() ? Optional.empty()
                        : Optional.of("environment '" + value + "' must be NAME=value with NAME of ASCII letters, digits and '_'");
            }
            case "tunnel" -> {
                if (value.equalsIgnoreCase("any")) {
                    return Optional.empty();
                }
                return AsciiNumbers.isDigits(value) && value.length() <= 10 && AsciiNumbers.parseLong(value) <= TUNNEL_MAX ? Optional.empty()
                        : Optional.of("tunnel '" + value + "' must be 'any' or a device number in ASCII digits");
            }
            case "permitopen", "permitlisten" -> {
                return validPermit(value, canonicalName().equals("permitlisten")) ? Optional.empty()
                        : Optional.of(name + " '" + value + "' must be host:port (port 1 to 65535 in ASCII digits, or '*')"
                                + (canonicalName().equals("permitlisten") ? " or a bare port" : ""));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    static boolean validExpiry(String s) {
        Matcher m = EXPIRY.matcher(s);
        if (!m.matches()) {
            return false;
        }
        try {
            LocalDate.of(AsciiNumbers.parseInt(m.group(1)), AsciiNumbers.parseInt(m.group(2)), AsciiNumbers.parseInt(m.group(3)));
            if (m.group(4) != null) {
                LocalTime.of(AsciiNumbers.parseInt(m.group(4)), AsciiNumbers.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : AsciiNumbers.parseInt(m.group(6)));
            }
            return true;
        } catch (DateTimeException | NumberFormatException e) {
            return false;
        }
    }

    private static boolean validPermit(String s, boolean bareAllowed) {
        String host;
        String port;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != ':') {
                return false;
            }
            host = s.substring(1, close);
            port = s.substring(close + 2);
        } else {
            int colon = s.indexOf(':');
            if (colon < 0) {
                if (!bareAllowed) {
                    return false;
                }
                host = "*";
                port = s;
            } else {
                host = s.substring(0, colon);
                port = s.substring(colon + 1);
            }
        }
        if (host.isEmpty() || host.length() >= 1025 || port.contains(":")) {
            return false;
        }
        if (port.equals("*") || SERVICE.matcher(port).matches()) {
            return true;
        }
        return AsciiNumbers.isDigits(port) && port.length() <= 5 && AsciiNumbers.parseInt(port) >= 1 && AsciiNumbers.parseInt(port) <= 65535;
    }

    /** The option as written in the file: {@code name} or {@code name="value"} with each {@code "} escaped. */
    public String render() {
        return value == null ? name : name + "=\"" + value.replace("\"", "\\\"") + "\"";
    }
}
