package dev.ops.core.retention;

/** The keep rules of a {@link RetentionPolicy}, in the fixed order they are applied. */
public enum RetentionRule {
    /** The newest N snapshots. */
    KEEP_LAST("keep-last", "keepLast"),
    /** One per hour of the policy's time zone. */
    KEEP_HOURLY("keep-hourly", "keepHourly"),
    /** One per calendar day. */
    KEEP_DAILY("keep-daily", "keepDaily"),
    /** One per ISO week of the week-based year. */
    KEEP_WEEKLY("keep-weekly", "keepWeekly"),
    /** One per calendar month. */
    KEEP_MONTHLY("keep-monthly", "keepMonthly"),
    /** One per calendar year. */
    KEEP_YEARLY("keep-yearly", "keepYearly");

    private final String option;
    private final String field;

    RetentionRule(String option, String field) {
        this.option = option;
        this.field = field;
    }

    /** The name PBS gives the rule, e.g. {@code keep-daily}. */
    public String option() {
        return option;
    }

    /** The policy field that sets it, e.g. {@code keepDaily}. */
    public String field() {
        return field;
    }
}
