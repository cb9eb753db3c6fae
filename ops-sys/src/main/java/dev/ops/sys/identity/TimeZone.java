package dev.ops.sys.identity;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.host.Host;
import dev.ops.sys.identity.internal.TimeZoneChange;
import java.util.Objects;
import java.util.Optional;

/**
 * A host's time zone: read it (the zone /etc/localtime links to, else /etc/timezone), and set it
 * as a {@link Change} that relinks /etc/localtime atomically and rewrites /etc/timezone where the
 * host keeps one; rollback restores both. Works without systemd (no timedatectl).
 *
 * <pre>{@code
 * Optional<String> zone = TimeZone.on(host, ops).get();
 * TimeZone.on(host, ops).set("Europe/Berlin").apply();
 * }</pre>
 */
public final class TimeZone {
    private final Host host;
    private final Ops ops;

    private TimeZone(Host host, Ops ops) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = Objects.requireNonNull(ops, "ops");
    }

    /** The time zone of {@code host}, changed through {@code ops}. */
    public static TimeZone on(Host host, Ops ops) {
        return new TimeZone(host, ops);
    }

    /** The zone name, e.g. {@code Europe/Berlin}; empty when the host does not say. */
    public Optional<String> get() {
        return TimeZoneChange.current(host);
    }

    /** The change to {@code zone}, yielding the zone the host then says; an unknown zone throws {@link UnknownTimeZoneException} at plan time. */
    public Change<String> set(String zone) {
        return TimeZoneChange.of(host, ops, zone);
    }

    /** Whether {@code zone} is shaped like a tz database name (no {@code ..}, no leading slash). */
    public static boolean wellFormed(String zone) {
        return TimeZoneChange.wellFormed(zone);
    }
}
