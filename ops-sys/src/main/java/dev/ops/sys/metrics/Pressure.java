package dev.ops.sys.metrics;

/**
 * Pressure stall information of one resource (/proc/pressure/memory): the share of time some or
 * all tasks were stalled, averaged by the kernel, and the total stall time.
 *
 * @param present whether the kernel reports pressure (PSI needs Linux 4.20 and may be disabled)
 * @param someAvg10 percent of the last 10 s in which at least one task stalled
 * @param someTotalMicros total microseconds in which at least one task stalled
 * @param fullAvg10 percent of the last 10 s in which all non-idle tasks stalled
 * @param fullTotalMicros total microseconds in which all non-idle tasks stalled
 */
public record Pressure(boolean present, double someAvg10, long someTotalMicros, double fullAvg10, long fullTotalMicros) {
    /** What a kernel without PSI gives. */
    public static final Pressure ABSENT = new Pressure(false, 0, 0, 0, 0);
}
