package dev.ops.core.retention;

import java.util.Objects;

/**
 * What retention decided for one snapshot: whether it stays, why, and for a keep rule the period
 * it kept the snapshot for ({@code 2024/05/01} for a day, {@code 2024/18} for an ISO week).
 *
 * @param item the snapshot
 * @param reason why it stays or goes
 * @param period the period a keep rule kept it for; empty for other reasons
 */
public record RetentionDecision(RetentionItem item, RetentionReason reason, String period) {

    public RetentionDecision {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(period, "period");
    }

    /** Whether the snapshot stays. */
    public boolean keeps() {
        return reason.keeps();
    }

    /** One line for a plan: {@code keep tank/a@x (keep-daily 2024/05/01)} or {@code remove tank/a@y (not selected)}. */
    public String render() {
        String why = reason.rule().map(r -> r.option() + " " + period)
                .orElse(reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + (reason == RetentionReason.PINNED ? ": " + item.pin().orElse("") : ""));
        return (keeps() ? "keep " : "remove ") + (item.group().isEmpty() ? "" : item.group() + ":") + item.id() + " (" + why + ")";
    }

    @Override
    public String toString() {
        return render();
    }
}
