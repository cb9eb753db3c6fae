package dev.ops.sys.identity;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.error.Violation;
import dev.ops.core.host.Host;
import dev.ops.sys.identity.internal.HostnameChange;
import java.util.List;
import java.util.Objects;

/**
 * A host's name: read it, and set it (live, in /etc/hostname, and in the /etc/hosts lines that
 * named the old one) as a {@link Change} whose rollback restores all three.
 *
 * <pre>{@code
 * String name = Hostname.on(host, ops).get();
 * Hostname.on(host, ops).set("web-1").apply();
 * }</pre>
 */
public final class Hostname {
    private final Host host;
    private final Ops ops;

    private Hostname(Host host, Ops ops) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = Objects.requireNonNull(ops, "ops");
    }

    /** The host name of {@code host}, changed through {@code ops}. */
    public static Hostname on(Host host, Ops ops) {
        return new Hostname(host, ops);
    }

    /** The kernel's host name now. */
    public String get() {
        return HostnameChange.live(host);
    }

    /** The change that sets the name to {@code name}; an invalid name throws {@link InvalidHostnameException} at plan time. */
    public Change<String> set(String name) {
        return HostnameChange.of(host, ops, name);
    }

    /**
     * Every problem with {@code name} as a host's own name, empty when valid: an RFC 1123 name as
     * {@link dev.ops.core.text.HostNames} checks it, of 64 characters at most (the kernel's limit).
     */
    public static List<Violation> problems(String name) {
        return HostnameChange.problems(name);
    }
}
