package dev.ops.sys.window;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.core.error.Violations;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A five-field cron schedule ({@code minute hour day-of-month month day-of-week}) as crontab(5)
 * defines it: {@code *}, numbers, ranges {@code a-b}, steps {@code * /n} and {@code a-b/n}, lists,
 * month and day names, {@code 0} or {@code 7} for Sunday, and the macros {@code @hourly},
 * {@code @daily}, {@code @weekly}, {@code @monthly}, {@code @yearly}. When both day fields are
 * restricted, a day matches if either matches (as in Vixie cron).
 *
 * <pre>{@code
 * CronSchedule saturdayNight = CronSchedule.parse("30 1 * * SAT");
 * }</pre>
 */
public final class CronSchedule {
    private static final Map<String, String> MACROS = Map.of("@hourly", "0 * * * *", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
            "@weekly", "0 0 * * 0", "@monthly", "0 0 1 * *", "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *");
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    /** Long enough for any valid schedule to fire (Feb 29 on a given weekday recurs within 28 years). */
    private static final int SEARCH_DAYS = 366 * 29;

    private final String expression;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean domRestricted;
    private final boolean dowRestricted;

    private CronSchedule(String expression, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months, BitSet daysOfWeek,
            boolean domRestricted, boolean dowRestricted) {
        this.expression = expression;
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
        this.domRestricted = domRestricted;
        this.dowRestricted = dowRestricted;
    }

    /** Parses an expression; a {@link dev.ops.core.error.ValidationException} lists every bad field. */
    public static CronSchedule parse(String expression) {
        Violations v = Violations.of("cron schedule '" + expression + "'");
        if (expression == null || expression.isBlank()) {
            v.add("expression", "must not be blank").throwIfAny();
        }
        String expanded = MACROS.getOrDefault(expression.strip().toLowerCase(Locale.ROOT), expression.strip());
        String[] f = expanded.split("\\s+");
        if (f.length != 5) {
            v.add("expression", "needs 5 fields (minute hour day-of-month month day-of-week), has " + f.length).throwIfAny();
        }
        BitSet min = field(f[0], 0, 59, null, "minute", v);
        BitSet hour = field(f[1], 0, 23, null, "hour", v);
        BitSet dom = field(f[2], 1, 31, null, "dayOfMonth", v);
        BitSet mon = field(f[3], 1, 12, MONTHS, "month", v);
        BitSet dow = field(f[4], 0, 7, DAYS, "dayOfWeek", v);
        v.throwIfAny();
        if (dow.get(7)) {
            dow.set(0);
            dow.clear(7);
        }
        return new CronSchedule(expression.strip(), min, hour, dom, mon, dow, !f[2].startsWith("*"), !f[4].startsWith("*"));
    }

    private static BitSet field(String text, int min, int max, String[] names, String name, Violations v) {
        BitSet bits = new BitSet(max + 1);
        for (String item : text.split(",", -1)) {
            try {
                int step = 1;
                String range = item;
                int slash = item.indexOf('/');
                if (slash >= 0) {
                    step = number(item.substring(slash + 1));
                    range = item.substring(0, slash);
                    if (step <= 0) {
                        throw new IllegalArgumentException("step must be positive");
                    }
                }
                int from;
                int to;
                if (range.equals("*")) {
                    from = min;
                    to = max;
                } else {
                    int dash = range.indexOf('-');
                    from = value(dash < 0 ? range : range.substring(0, dash), names, min);
                    to = dash < 0 ? (slash >= 0 ? max : from) : value(range.substring(dash + 1), names, min);
                }
                if (from < min || to > max || from > to) {
                    throw new IllegalArgumentException("'" + item + "' is outside " + min + "-" + max + " or backwards");
                }
                for (int i = from; i <= to; i += step) {
                    bits.set(i);
                }
            } catch (IllegalArgumentException e) {
                v.add(name, e instanceof NumberFormatException ? "'" + item + "' is not a number, range, step or name" : e.getMessage());
                return bits;
            }
        }
        return bits;
    }

    private static int value(String s, String[] names, int min) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equalsIgnoreCase(s)) {
                    return names == MONTHS ? i + 1 : i;
                }
            }
        }
        return number(s);
    }

    /** A field's number: ASCII digits only, no sign (the JDK's parseInt takes {@code +5} and other scripts' digits). */
    private static int number(String s) {
        if (!AsciiNumbers.isDigits(s)) {
            throw new NumberFormatException("For input string: \"" + s + "\"");
        }
        return AsciiNumbers.parseInt(s);
    }

    /** The expression as given. */
    public String expression() {
        return expression;
    }

    /** Whether the schedule fires at this local minute (seconds ignored). */
    public boolean matches(LocalDateTime t) {
        return minutes.get(t.getMinute()) && hours.get(t.getHour()) && dayMatches(t.toLocalDate());
    }

    private boolean dayMatches(LocalDate d) {
        if (!months.get(d.getMonthValue())) {
            return false;
        }
        boolean dom = daysOfMonth.get(d.getDayOfMonth());
        boolean dow = daysOfWeek.get(d.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : d.getDayOfWeek().getValue());
        if (domRestricted && dowRestricted) {
            return dom || dow;
        }
        return (!domRestricted || dom) && (!dowRestricted || dow);
    }

    /** The first local minute strictly after {@code after} at which the schedule fires, or empty if it never does (e.g. Feb 30). */
    public Optional<LocalDateTime> nextLocal(LocalDateTime after) {
        LocalDateTime start = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate day = start.toLocalDate();
        for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
            if (!dayMatches(day)) {
                continue;
            }
            LocalTime from = i == 0 ? start.toLocalTime() : LocalTime.MIDNIGHT;
            for (int h = hours.nextSetBit(from.getHour()); h >= 0; h = hours.nextSetBit(h + 1)) {
                int m = minutes.nextSetBit(h == from.getHour() && i == 0 ? from.getMinute() : 0);
                if (m >= 0) {
                    return Optional.of(LocalDateTime.of(day, LocalTime.of(h, m)));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The first firing strictly after {@code after} in {@code zone}. A local time skipped by a
     * daylight-saving gap fires at the same offset after the gap (02:30 becomes 03:30); a local
     * time repeated by an overlap fires once, at its earlier occurrence.
     */
    public Optional<ZonedDateTime> next(ZonedDateTime after, ZoneId zone) {
        ZonedDateTime inZone = after.withZoneSameInstant(zone);
        LocalDateTime cursor = inZone.toLocalDateTime().minusHours(3);
        for (int guard = 0; guard < 100_000; guard++) {
            Optional<LocalDateTime> local = nextLocal(cursor);
            if (local.isEmpty()) {
                return Optional.empty();
            }
            ZonedDateTime z = ZonedDateTime.ofLocal(local.get(), zone, null);
            if (z.toInstant().isAfter(after.toInstant())) {
                return Optional.of(z);
            }
            cursor = local.get();
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return expression;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CronSchedule c && c.expression.equals(expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }
}
