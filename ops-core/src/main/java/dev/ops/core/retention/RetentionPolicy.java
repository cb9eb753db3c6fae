package dev.ops.core.retention;

import dev.ops.core.error.Violations;
import dev.ops.core.retention.internal.RetentionEngine;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Which snapshots of a group to keep: Proxmox Backup Server's {@code keep-last}, {@code keep-hourly},
 * {@code keep-daily}, {@code keep-weekly}, {@code keep-monthly} and {@code keep-yearly}, with their
 * periods taken in an explicit time zone, plus an age limit ({@code max_age_days}), a count limit
 * per group ({@code max_snapshots_per_volume}) and a minimum age below which nothing is removed.
 *
 * <p>The keep rules work as PBS's prune does: one group at a time, newest first, rules in that
 * fixed order; each rule keeps the newest snapshot of each of its N newest periods, and spends no
 * slot on a period in which an earlier rule already kept one. Protected snapshots (and those pinned
 * by a change that can still roll back) are always kept and never counted. With no keep rule set,
 * the keep rules keep everything. The age and count limits then remove what the keep rules kept
 * (oldest first for the count), and the minimum age keeps back whatever would go and is younger.
 *
 * <pre>{@code
 * RetentionPolicy p = RetentionPolicy.builder().zone("Europe/Berlin").keepLast(3).keepDaily(7).keepWeekly(4).build();
 * RetentionPlan plan = p.plan(snapshots, clock.instant());
 * plan.removed();   // what goes; plan.kept() says which rule keeps each of the others
 * }</pre>
 */
@Value.Immutable
public abstract class RetentionPolicy {

    /** The time zone whose calendar defines hours, days, ISO weeks, months and years, e.g. {@code Europe/Berlin}. */
    public abstract String zone();

    /** {@code keep-last}: the newest N snapshots. */
    public abstract OptionalInt keepLast();

    /** {@code keep-hourly}: the newest snapshot of each of the newest N hours that hold one. */
    public abstract OptionalInt keepHourly();

    /** {@code keep-daily}: the newest snapshot of each of the newest N days that hold one. */
    public abstract OptionalInt keepDaily();

    /** {@code keep-weekly}: the newest snapshot of each of the newest N ISO weeks (of week-based years) that hold one. */
    public abstract OptionalInt keepWeekly();

    /** {@code keep-monthly}: the newest snapshot of each of the newest N months that hold one. */
    public abstract OptionalInt keepMonthly();

    /** {@code keep-yearly}: the newest snapshot of each of the newest N years that hold one. */
    public abstract OptionalInt keepYearly();

    /** {@code max_age_days}: snapshots older than this many days go, whatever kept them (protected and pinned ones excepted). */
    public abstract OptionalInt maxAgeDays();

    /** {@code max_snapshots_per_volume}: at most this many kept per group, not counting protected and pinned ones; the oldest go. */
    public abstract OptionalInt maxSnapshotsPerGroup();

    /** Nothing younger than this is removed, whatever the rules say; zero when not set. */
    @Value.Default
    public Duration minimumAge() {
        return Duration.ZERO;
    }

    /** {@link #zone()} as a {@link ZoneId}. */
    @Value.Lazy
    public ZoneId zoneId() {
        return ZoneId.of(zone());
    }

    /** Whether any keep rule is set (without one, the keep rules keep everything, as PBS does). */
    public boolean keepsSomething() {
        return keepLast().isPresent() || keepHourly().isPresent() || keepDaily().isPresent() || keepWeekly().isPresent()
                || keepMonthly().isPresent() || keepYearly().isPresent();
    }

    /** The count a rule keeps, if it is set. */
    public OptionalInt count(RetentionRule rule) {
        return switch (rule) {
            case KEEP_LAST -> keepLast();
            case KEEP_HOURLY -> keepHourly();
            case KEEP_DAILY -> keepDaily();
            case KEEP_WEEKLY -> keepWeekly();
            case KEEP_MONTHLY -> keepMonthly();
            case KEEP_YEARLY -> keepYearly();
        };
    }

    /**
     * Decides, for every snapshot in {@code items}, whether it stays and why; pure, and the same
     * whatever order {@code items} come in. {@code now} is only used by the age limit and the
     * minimum-age guard.
     *
     * @throws dev.ops.core.error.ValidationException when two items of a group share an id
     */
    public RetentionPlan plan(Collection<RetentionItem> items, Instant now) {
        return RetentionEngine.plan(this, items, now);
    }

    /** A new, empty builder; {@link Builder#zone(String) zone} must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this policy's settings, to derive a changed copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    @Value.Check
    protected void check() {
        Violations v = Violations.of("retention policy");
        v.checkText(zone(), "zone", RetentionPolicy::knownZone, "'" + zone() + "' is not a known time zone (an IANA id such as Europe/Berlin, or UTC)");
        for (RetentionRule r : RetentionRule.values()) {
            count(r).ifPresent(n -> v.check(n >= 1, r.field(), r.option() + " must be at least 1, not " + n
                    + " (leave it unset to not use the rule)"));
        }
        maxAgeDays().ifPresent(n -> v.check(n >= 1, "maxAgeDays", "must be at least 1, not " + n));
        maxSnapshotsPerGroup().ifPresent(n -> v.check(n >= 1, "maxSnapshotsPerGroup", "must be at least 1, not " + n));
        v.check(!minimumAge().isNegative(), "minimumAge", "must not be negative");
        v.throwIfAny();
    }

    private static boolean knownZone(String id) {
        try {
            ZoneId.of(id);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** Builds a {@link RetentionPolicy}; every problem is reported at once by {@code build()}. */
    public static final class Builder extends ImmutableRetentionPolicy.Builder {
        /** The time zone as a {@link ZoneId}. */
        public Builder zone(ZoneId zone) {
            zone(zone.getId());
            return this;
        }
    }
}
