package dev.ops.sys.window;

import dev.ops.core.change.ApplyGuard;
import dev.ops.core.change.Change;
import dev.ops.core.policy.Approver;
import java.util.List;
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
 * Change<SysctlValue> guarded = w.guard(Sysctl.on(host, ops).key("net.ipv4.ip_forward").set("1"), clock);
 * Ops windowed = ops.toBuilder().policy(Policy.builder().approver("maintenance window", w.approver(clock)).build()).build();
 * }</pre>
 *
 * <p>Two ways to hold changes to the window: {@link #guard} for one change (it stays composable:
 * a guarded change in {@link dev.ops.core.change.Changes#sequence} makes the whole sequence wait
 * for the window), and {@link #approver} for every change applied through an {@code Ops}.
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

    /**
     * {@code change}, refusing to apply (with {@link OutsideMaintenanceWindowException}, before
     * anything runs) when {@code clock} is outside the window; its plan says whether the window is
     * open and when it next opens.
     */
    public <T> Change<T> guard(Change<T> change, Clock clock) {
        return ApplyGuard.guard(Objects.requireNonNull(change, "change"), guard(clock));
    }

    /** The window as an {@link ApplyGuard} on {@code clock}, for {@link ApplyGuard#guard}. */
    public ApplyGuard guard(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        MaintenanceWindow window = this;
        return new ApplyGuard() {
            @Override
            public String describe() {
                return "only inside maintenance window " + window;
            }

            @Override
            public List<String> notes() {
                Instant now = clock.instant();
                Optional<Window> current = current(now);
                if (current.isPresent()) {
                    return List.of("inside maintenance window " + window + " until " + current.get().end());
                }
                return List.of("outside maintenance window " + window + "; apply will refuse until "
                        + next(now).map(w -> w.start().toString()).orElse("never"));
            }

            @Override
            public void check(String change) {
                Instant now = clock.instant();
                if (!contains(now)) {
                    throw new OutsideMaintenanceWindowException(change, window, now, next(now).orElse(null));
                }
            }
        };
    }

    /**
     * The window as a policy {@link Approver} on {@code clock}: every plan applied through an
     * {@code Ops} with it is refused (a {@link dev.ops.core.error.PolicyDeniedException}) outside the window.
     */
    public Approver approver(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return plan -> {
            Instant now = clock.instant();
            return contains(now) ? Approver.Decision.approve()
                    : Approver.Decision.reject("'" + plan.change() + "' applies only inside maintenance window " + this + "; it is " + now
                            + next(now).map(w -> ", the next window opens at " + w.start()).orElse(" and the window never opens"));
        };
    }

    @Override
    public String toString() {
        return "'" + schedule + "' " + zone + " for " + length;
    }
}
