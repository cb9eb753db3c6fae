package dev.ops.sys.window;

import dev.ops.core.change.Change;
import dev.ops.core.error.Violations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A recurring maintenance window: it opens whenever a {@link CronSchedule} fires in a time zone
 * and stays open for a fixed length. Changes can be told to apply only inside it.
 *
 * <pre>{@code
 * MaintenanceWindow w = MaintenanceWindow.of("0 2 * * SAT", Duration.ofHours(4), ZoneId.of("Europe/Berlin"));
 * w.contains(Instant.now());
 * Change<SysctlValue> guarded = w.guard(Sysctl.on(host).key("net.ipv4.ip_forward").value("1").change(), clock);
 * }</pre>
 */
public final class MaintenanceWindow {
    private final CronSchedule schedule;
    private final Duration length;
    private final ZoneId zone;

    private MaintenanceWindow(CronSchedule schedule, Duration length, ZoneId zone) {
        this.schedule = schedule;
        this.length = length;
        this.zone = zone;
    }

    /** A window opening at each firing of {@code cron} in {@code zone}, open for {@code length}. */
    public static MaintenanceWindow of(String cron, Duration length, ZoneId zone) {
        Violations v = Violations.of("maintenance window");
        v.check(zone != null, "zone", "must be given");
        return build(v, cron, length, zone);
    }

    /**
     * A window from a zone name such as {@code Europe/Berlin}; a {@link dev.ops.core.error.ValidationException}
     * lists every problem at once (an unknown zone, a bad schedule, a length that is not positive).
     */
    public static MaintenanceWindow of(String cron, Duration length, String zone) {
        Violations v = Violations.of("maintenance window");
        ZoneId id = null;
        if (zone == null || zone.isBlank()) {
            v.add("zone", "must be given");
        } else {
            try {
                id = ZoneId.of(zone);
            } catch (java.time.DateTimeException e) {
                v.add("zone", "'" + zone.replace("\0", "\\0") + "' is not a time zone");
            }
        }
        return build(v, cron, length, id);
    }

    private static MaintenanceWindow build(Violations v, String cron, Duration length, ZoneId zone) {
        CronSchedule schedule = null;
        try {
            schedule = CronSchedule.parse(cron);
        } catch (dev.ops.core.error.ValidationException e) {
            v.addAll("cron", e.violations());
        }
        v.check(length != null && length.isPositive(), "length", "must be positive");
        v.throwIfAny();
        return new MaintenanceWindow(schedule, length, zone);
    }

    public CronSchedule schedule() {
        return schedule;
    }

    public Duration length() {
        return length;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The window occurrence that contains {@code t} (the earliest, where occurrences overlap). */
    public Optional<Window> current(Instant t) {
        Optional<ZonedDateTime> start = schedule.next(t.minus(length).atZone(zone), zone);
        return start.map(s -> new Window(s.toInstant(), s.toInstant().plus(length))).filter(w -> w.contains(t));
    }

    /** Whether {@code t} lies inside the window. */
    public boolean contains(Instant t) {
        return current(t).isPresent();
    }

    /** The first occurrence that opens strictly after {@code t}; empty only for a schedule that never fires. */
    public Optional<Window> next(Instant t) {
        return schedule.next(t.atZone(zone), zone).map(s -> new Window(s.toInstant(), s.toInstant().plus(length)));
    }

    /** {@code change}, refusing to apply (with {@link OutsideMaintenanceWindowException}) when {@code clock} is outside the window. */
    public <T> Change<T> guard(Change<T> change, Clock clock) {
        return new WindowedChange<>(Objects.requireNonNull(change, "change"), this, Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public String toString() {
        return "'" + schedule + "' " + zone + " for " + length;
    }
}
