package dev.ops.sys.identity;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.sys.facts.internal.FactsScript;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A host's time zone: read it (the zone /etc/localtime links to, else /etc/timezone), and set it
 * as a {@link Change} that relinks /etc/localtime atomically and rewrites /etc/timezone where the
 * host keeps one; rollback restores both. Works without systemd (no timedatectl).
 *
 * <pre>{@code
 * String zone = TimeZone.on(host).read();
 * TimeZone.on(host, ops).set("Europe/Berlin").apply();
 * }</pre>
 */
public final class TimeZone {
    static final String ZONEINFO = "/usr/share/zoneinfo/";
    private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*");

    private final Host host;
    /** The runtime for changes; null until one is needed, then {@link Ops#defaults()} (reads never touch the state store). */
    private final Ops ops;

    private TimeZone(Host host, Ops ops) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = ops;
    }

    /** The time zone of this host, changed through {@link Ops#defaults()}. */
    public static TimeZone on(Host host) {
        return new TimeZone(host, null);
    }

    /** The time zone of this host, changed through the given runtime. */
    public static TimeZone on(Host host, Ops ops) {
        return new TimeZone(host, Objects.requireNonNull(ops, "ops"));
    }

    /** The zone name, e.g. {@code Europe/Berlin}; empty when the host does not say. */
    public String read() {
        CommandResult link = host.run("readlink", "/etc/localtime");
        String zone = link.ok() ? FactsScript.zoneFromLink(link.stdoutText().strip()) : "";
        return zone.isEmpty() ? host.readText("/etc/timezone").orElse("").strip() : zone;
    }

    /** The change to {@code zone}; an unknown zone throws {@link UnknownTimeZoneException} at plan time. */
    public Change<String> set(String zone) {
        return new TimeZoneChange(ops(), host, zone);
    }

    /** Whether {@code zone} is shaped like a tz database name (no {@code ..}, no leading slash). */
    public static boolean wellFormed(String zone) {
        return zone != null && ZONE.matcher(zone).matches() && zone.length() <= 255;
    }

    private Ops ops() {
        return ops != null ? ops : Ops.defaults();
    }
}
