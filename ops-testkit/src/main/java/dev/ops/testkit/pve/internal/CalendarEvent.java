package dev.ops.testkit.pve.internal;

import dev.ops.core.text.AsciiNumbers;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PVE's schedule strings. PVE parses them with proxmox-time (systemd.time(7) calendar events); this is a
 * structural check of that grammar, not a parser: a keyword such as 'daily', or
 * {@code [weekdays] [[year-]month-day] [[hour:]minute[:second]]} with lists, ranges ({@code a..b}) and
 * repetitions ({@code x/n}), and values in range.
 */
final class CalendarEvent {
    private static final Set<String> KEYWORDS = Set.of("minutely", "hourly", "daily", "weekly", "monthly", "yearly",
            "annually", "quarterly", "semiannually", "semi-annually");
    private static final String DAY = "(?:mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)";
    private static final Pattern WEEKDAYS = Pattern.compile("(?i)" + DAY + "(?:\\.\\." + DAY + ")?(?:," + DAY + "(?:\\.\\." + DAY + ")?)*");
    private static final String VALUES = "(?:(?:\\*|\\d+(?:\\.\\.\\d+)?)(?:/\\d+)?)(?:,(?:\\*|\\d+(?:\\.\\.\\d+)?)(?:/\\d+)?)*";
    private static final Pattern DATE = Pattern.compile(VALUES + "-" + VALUES + "(?:-" + VALUES + ")?");
    private static final Pattern TIME = Pattern.compile(VALUES + "(?::" + VALUES + "){0,2}");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    static String check(String v) {
        String event = v.strip();
        if (event.isEmpty()) {
            return "invalid calendar event '" + v + "' - event is empty";
        }
        if (KEYWORDS.contains(event.toLowerCase(Locale.ROOT))) {
            return null;
        }
        String[] parts = event.split("\\s+");
        int i = 0;
        boolean ok = true;
        if (WEEKDAYS.matcher(parts[i]).matches()) {
            i++;
        }
        if (i < parts.length && DATE.matcher(parts[i]).matches()) {
            String[] fields = parts[i++].split("-");
            ok = inRange(fields[fields.length - 2], 1, 12) && inRange(fields[fields.length - 1], 1, 31);
        }
        if (i < parts.length && TIME.matcher(parts[i]).matches()) {
            String[] fields = parts[i++].split(":");
            int[] max = fields.length == 1 ? new int[] {59} : fields.length == 2 ? new int[] {23, 59} : new int[] {23, 59, 59};
            for (int f = 0; f < fields.length; f++) {
                ok &= inRange(fields[f], 0, max[f]);
            }
        }
        return ok && i == parts.length ? null : "invalid calendar event '" + v + "' - unable to parse calendar event";
    }

    private static boolean inRange(String values, int min, int max) {
        Matcher m = NUMBER.matcher(values);
        while (m.find()) {
            if (m.group().length() > 4 || AsciiNumbers.parseInt(m.group()) < min || AsciiNumbers.parseInt(m.group()) > max) {
                return false;
            }
        }
        return true;
    }
}
