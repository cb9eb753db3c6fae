package dev.ops.sys.identity;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.error.Violation;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A host's name: read it, and set it (live, in /etc/hostname, and in the /etc/hosts lines that
 * named the old one) as a {@link Change} whose rollback restores all three.
 *
 * <pre>{@code
 * String name = Hostname.on(host).read();
 * Hostname.on(host, ops).set("web-1").apply();
 * }</pre>
 */
public final class Hostname {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private final Host host;
    /** The runtime for changes; null until one is needed, then {@link Ops#defaults()} (reads never touch the state store). */
    private final Ops ops;

    private Hostname(Host host, Ops ops) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = ops;
    }

    /** The host name of this host, changed through {@link Ops#defaults()}. */
    public static Hostname on(Host host) {
        return new Hostname(host, null);
    }

    /** The host name of this host, changed through the given runtime. */
    public static Hostname on(Host host, Ops ops) {
        return new Hostname(host, Objects.requireNonNull(ops, "ops"));
    }

    /** The kernel's host name now. */
    public String read() {
        return host.readText("/proc/sys/kernel/hostname").orElse("").strip();
    }

    /** The change that sets the name to {@code name}; an invalid name throws {@link InvalidHostnameException} at plan time. */
    public Change<String> set(String name) {
        return new HostnameChange(ops(), host, name);
    }

    /** Every problem with {@code name} as a host name; empty when valid. */
    public static List<Violation> problems(String name) {
        Violations v = Violations.of("hostname");
        if (name == null || name.isEmpty()) {
            return v.add("hostname", "must not be empty").list();
        }
        v.check(name.length() <= 64, "hostname", "is " + name.length() + " characters long; the kernel allows 64");
        v.check(!name.endsWith("."), "hostname", "must not end with a dot");
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                v.add("hostname", "label '" + label + "' must be 1 to 63 letters, digits or hyphens, not starting or ending with a hyphen");
            }
        }
        return v.list();
    }

    private Ops ops() {
        return ops != null ? ops : Ops.defaults();
    }
}
