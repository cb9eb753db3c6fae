package dev.ops.testkit.pve.internal;

import dev.ops.core.text.AsciiNumbers;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * When a Proxmox schedule (a systemd.time(7) calendar event, as proxmox-time reads it) next comes
 * due: {@code [weekdays] [[year-]month-day] [hour:]minute[:second]} with lists, ranges
 * ({@code a..b}), repetitions ({@code a/n}, {@code *}/n) and the keywords ({@code hourly},
 * {@code daily}, ...). A missing time is midnight; a single time field is the minute of every hour.
 * Used by the fakes' schedulers, which a test drives with the time it wants.
 */
public final class CalendarSchedule {
    private static final Map<String, String> KEYWORDS = Map.of("minutely", "*-*-* *:*:00", "hourly", "*-*-* *:00:00", "daily",
            "*-*-* 00:00:00", "weekly", "mon *-*-* 00:00:00", "monthly", "*-*-01 00:00:00", "yearly", "*-01-01 00:00:00", "annually",
            "*-01-01 00:00:00", "quarterly", "*-01,04,07,10-01 00:00:00", "semiannually", "*-01,07-01 00:00:00", "semi-annually",
            "*-01,07-01 00:00:00");
    private static final String[] DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    /** How far ahead a schedule is looked for: one that never comes due in this many days never does (e.g. Feb 30). */
    private static final int HORIZON_DAYS = 366 * 8;

    private final BitSet weekdays;
    private final BitSet years;
    private final BitSet months;
    private final BitSet days;
    private final BitSet hours;
    private final BitSet minutes;
    private final BitSet seconds;

    private CalendarSchedule(BitSet weekdays, BitSet years, BitSet months, BitSet days, BitSet hours, BitSet minutes, BitSet seconds) {
        this.weekdays = weekdays;
        this.years = years;
        this.months = months;
        this.days = days;
        this.hours = hours;
        this.minutes = minutes;
        this.seconds = seconds;
    }

    /** The schedule {@code event}; an {@link IllegalArgumentException} names what {@link CalendarEvent} would refuse. */
    public static CalendarSchedule parse(String event) {
        String problem = CalendarEvent.check(event);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        String spec = KEYWORDS.getOrDefault(event.strip().toLowerCase(Locale.ROOT), event.strip());
        String[] parts = spec.split("\\s+");
        int i = 0;
        BitSet weekdays = all(0, 6);
        if (Character.isLetter(parts[0].charAt(0))) {
            weekdays = weekdays(parts[i++].toLowerCase(Locale.ROOT));
        }
        BitSet years = all(1970, 9999);
        BitSet months = all(1, 12);
        BitSet days = all(1, 31);
        if (i < parts.length && parts[i].contains("-")) {
            String[] date = parts[i++].split("-");
            if (date.length == 3) {
                years = values(date[0], 1970, 9999);
            }
            months = values(date[date.length - 2], 1, 12);
            days = values(date[date.length - 1], 1, 31);
        }
        BitSet hours = values("0", 0, 23);
        BitSet minutes = values("0", 0, 59);
        BitSet seconds = values("0", 0, 59);
        if (i < parts.length) {
            String[] time = parts[i].split(":");
            if (time.length == 1) {
                hours = all(0, 23);
                minutes = values(time[0], 0, 59);
            } else {
                hours = values(time[0], 0, 23);
                minutes = values(time[1], 0, 59);
                if (time.length == 3) {
                    seconds = values(time[2], 0, 59);
                }
            }
        }
        return new CalendarSchedule(weekdays, years, months, days, hours, minutes, seconds);
    }

    /** The first time strictly after {@code after} (in its zone) when this schedule comes due; empty when it never does. */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        LocalDate day = after.toLocalDate();
        for (int d = 0; d < HORIZON_DAYS; d++, day = day.plusDays(1)) {
            if (!matches(day)) {
                continue;
            }
            for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
                for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                    for (int s = seconds.nextSetBit(0); s >= 0; s = seconds.nextSetBit(s + 1)) {
                        // a time a DST gap skips comes due when the clock jumps past it; one an overlap repeats, once
                        ZonedDateTime at = ZonedDateTime.of(LocalDateTime.of(day, LocalTime.of(h, m, s)), after.getZone());
                        if (at.isAfter(after)) {
                            return Optional.of(at);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private boolean matches(LocalDate day) {
        return weekdays.get(day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()) && years.get(day.getYear())
                && months.get(day.getMonthValue()) && days.get(day.getDayOfMonth());
    }

    private static BitSet weekdays(String spec) {
        BitSet set = new BitSet(7);
        for (String item : spec.split(",")) {
            String[] range = item.split("\\.\\.");
            int from = day(range[0]);
            int to = range.length == 2 ? day(range[1]) : from;
            for (int d = from; ; d = (d + 1) % 7) { // a range may wrap past Sunday
                set.set(d);
                if (d == to) {
                    break;
                }
            }
        }
        return set;
    }

    private static int day(String name) {
        for (int d = 0; d < DAYS.length; d++) {
            if (name.startsWith(DAYS[d])) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown weekday '" + name + "'");
    }

    /** A field's values: a comma list of {@code *}, {@code a}, {@code a..b}, each optionally {@code /n}, within {@code min..max}. */
    private static BitSet values(String spec, int min, int max) {
        BitSet set = new BitSet(max + 1);
        for (String item : spec.split(",")) {
            String[] stepped = item.split("/");
            int step = stepped.length == 2 ? AsciiNumbers.parseInt(stepped[1]) : 1;
            String range = stepped[0];
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("..")) {
                from = AsciiNumbers.parseInt(range.substring(0, range.indexOf("..")));
                to = AsciiNumbers.parseInt(range.substring(range.indexOf("..") + 2));
            } else {
                from = AsciiNumbers.parseInt(range);
                to = stepped.length == 2 ? max : from;
            }
            for (int v = from; v <= Math.min(to, max); v += Math.max(step, 1)) {
                set.set(v);
            }
        }
        return set;
    }

    private static BitSet all(int min, int max) {
        BitSet set = new BitSet(max + 1);
        set.set(min, max + 1);
        return set;
    }
}
