package dev.ops.lab.site;

import dev.ops.core.retention.RetentionPolicy;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How long snapshots and backups are kept, and the prefix that marks safety snapshots (the ones made
 * automatically before a rebuild, a configuration change or an upgrade, deleted only by retention).
 *
 * @param keepLast how many of the newest to keep
 * @param keepDaily how many days to keep one per day
 * @param keepWeekly how many weeks to keep one per week
 * @param keepMonthly how many months to keep one per month
 * @param safetyPrefix the name prefix of safety snapshots
 * @param zone the time zone days, weeks and months are counted in (an IANA zone id; {@code UTC} unless the site says)
 */
public record RetentionSettings(int keepLast, int keepDaily, int keepWeekly, int keepMonthly, String safetyPrefix, String zone) {
    public RetentionSettings {
        Objects.requireNonNull(safetyPrefix, "safetyPrefix");
        Objects.requireNonNull(zone, "zone");
    }

    /**
     * These keep rules in this zone, as ops-core's one retention engine takes them, capped (when
     * {@code cleanup} is on) at {@code maxAgeDays} and {@code maxCount} per group, each 0 for no cap.
     */
    public RetentionPolicy policy(boolean cleanup, int maxAgeDays, int maxCount) {
        RetentionPolicy.Builder b = RetentionPolicy.builder().zone(ZoneId.of(zone));
        if (keepLast > 0) {
            b.keepLast(keepLast);
        }
        if (keepDaily > 0) {
            b.keepDaily(keepDaily);
        }
        if (keepWeekly > 0) {
            b.keepWeekly(keepWeekly);
        }
        if (keepMonthly > 0) {
            b.keepMonthly(keepMonthly);
        }
        if (cleanup && maxAgeDays > 0) {
            b.maxAgeDays(maxAgeDays);
        }
        if (cleanup && maxCount > 0) {
            b.maxSnapshotsPerGroup(maxCount);
        }
        return b.build();
    }

    /** What a site without a {@code retention} section gets. */
    public static RetentionSettings defaults() {
        return new RetentionSettings(3, 7, 4, 6, "ops_safety_", "UTC");
    }
}
