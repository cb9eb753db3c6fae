package dev.ops.core.retention;

import java.util.Optional;

/** Why a {@link RetentionDecision} keeps or removes a snapshot. */
public enum RetentionReason {
    /** Kept by {@code keep-last}. */
    KEEP_LAST(true, RetentionRule.KEEP_LAST),
    /** Kept by {@code keep-hourly}. */
    KEEP_HOURLY(true, RetentionRule.KEEP_HOURLY),
    /** Kept by {@code keep-daily}. */
    KEEP_DAILY(true, RetentionRule.KEEP_DAILY),
    /** Kept by {@code keep-weekly}. */
    KEEP_WEEKLY(true, RetentionRule.KEEP_WEEKLY),
    /** Kept by {@code keep-monthly}. */
    KEEP_MONTHLY(true, RetentionRule.KEEP_MONTHLY),
    /** Kept by {@code keep-yearly}. */
    KEEP_YEARLY(true, RetentionRule.KEEP_YEARLY),
    /** Kept because the policy sets no keep rule (PBS keeps everything then). */
    NO_KEEP_RULE(true, null),
    /** Kept because it is protected. */
    PROTECTED(true, null),
    /** Kept because a change that can still roll back to it pinned it. */
    PINNED(true, null),
    /** Kept: the newest unfinished snapshot, with no finished one newer. */
    NEWEST_UNFINISHED(true, null),
    /** Kept although it would go: younger than the policy's minimum age. */
    MINIMUM_AGE(true, null),
    /** Removed: no rule selected it. */
    NOT_SELECTED(false, null),
    /** Removed: unfinished, and a newer snapshot exists. */
    UNFINISHED(false, null),
    /** Removed: older than {@code max_age_days}. */
    MAX_AGE(false, null),
    /** Removed: beyond {@code max_snapshots_per_volume}. */
    MAX_COUNT(false, null);

    private final boolean keeps;
    private final RetentionRule rule;

    RetentionReason(boolean keeps, RetentionRule rule) {
        this.keeps = keeps;
        this.rule = rule;
    }

    /** Whether a snapshot with this reason stays. */
    public boolean keeps() {
        return keeps;
    }

    /** The keep rule behind this reason, for the six keep reasons. */
    public Optional<RetentionRule> rule() {
        return Optional.ofNullable(rule);
    }
}
