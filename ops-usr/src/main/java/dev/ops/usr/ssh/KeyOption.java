package dev.ops.usr.ssh;

import dev.ops.core.error.Violations;
import java.util.Locale;
import java.util.Map;

/**
 * One option in front of an authorized key, e.g. {@code no-pty} or {@code command="echo a,b"}.
 * {@code value} is null for a flag; a value is kept unquoted (as sshd sees it).
 */
public record KeyOption(String name, String value) {
    /** The options sshd knows, and whether each takes a quoted value. */
    private static final Map<String, Boolean> KNOWN = Map.ofEntries(
            Map.entry("agent-forwarding", false), Map.entry("cert-authority", false), Map.entry("command", true),
            Map.entry("environment", true), Map.entry("expiry-time", true), Map.entry("from", true),
            Map.entry("no-agent-forwarding", false), Map.entry("no-port-forwarding", false), Map.entry("no-pty", false),
            Map.entry("no-user-rc", false), Map.entry("no-x11-forwarding", false), Map.entry("permitlisten", true),
            Map.entry("permitopen", true), Map.entry("port-forwarding", false), Map.entry("principals", true),
            Map.entry("pty", false), Map.entry("no-touch-required", false), Map.entry("verify-required", false),
            Map.entry("restrict", false), Map.entry("tunnel", true), Map.entry("user-rc", false), Map.entry("x11-forwarding", false));

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

    /** Adds every problem with this option to {@code v}: unknown names, a value missing or not allowed, a value sshd could not read back. */
    public void validate(Violations v, String field) {
        Boolean takesValue = KNOWN.get(name.toLowerCase(Locale.ROOT));
        if (takesValue == null) {
            v.add(field, "unknown option '" + name + "' (sshd would refuse the whole line)");
            return;
        }
        if (takesValue && value == null) {
            v.add(field, "option " + name + " needs a quoted value");
        } else if (!takesValue && value != null) {
            v.add(field, "option " + name + " takes no value");
        }
        if (value != null) {
            v.check(value.indexOf('\n') < 0 && value.indexOf('\r') < 0, field, "the value of " + name + " must not contain a line break");
            v.check(!value.endsWith("\\"), field, "the value of " + name + " must not end with a backslash (it would escape the closing quote)");
        }
    }

    /** The option as written in the file: {@code name} or {@code name="value"} with each {@code "} escaped. */
    public String render() {
        return value == null ? name : name + "=\"" + value.replace("\"", "\\\"") + "\"";
    }
}
