package dev.ops.sys.facts;

/**
 * /proc/loadavg.
 *
 * @param one the 1-minute load average
 * @param five the 5-minute load average
 * @param fifteen the 15-minute load average
 * @param runnable runnable scheduling entities now
 * @param total scheduling entities that exist
 */
public record LoadAverage(double one, double five, double fifteen, int runnable, int total) {}
