package dev.ops.pve.node;

import java.util.Locale;

/** The span of RRD data to read ({@code timeframe}): the last hour, day, week, month or year. */
public enum RrdTimeframe {
    HOUR, DAY, WEEK, MONTH, YEAR;

    /** The value on the wire. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
