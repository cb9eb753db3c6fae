package dev.ops.lab.internal;

import dev.ops.core.Ops;
import dev.ops.core.journal.ApplyRecord;
import dev.ops.core.journal.ApplyStatus;
import dev.ops.core.journal.StepRecord;
import dev.ops.core.retention.RetentionItem;
import java.util.List;
import java.util.function.Predicate;

/**
 * The changes in a journal that can still roll back (not rolled back yet), read once: what such a
 * change made (a safety snapshot, a backup) is pinned against retention, since its rollback needs it.
 */
public final class LiveChanges {
    private final List<ApplyRecord> live;

    private LiveChanges(List<ApplyRecord> live) {
        this.live = live;
    }

    public static LiveChanges in(Ops ops) {
        return new LiveChanges(ops.journal().list().stream().filter(r -> r.status() != ApplyStatus.ROLLED_BACK).toList());
    }

    /** {@code item}, pinned when a step of one of these changes is the one that made it. */
    public RetentionItem pin(RetentionItem item, Predicate<StepRecord> made) {
        return live.stream().filter(r -> r.steps().stream().anyMatch(made)).findFirst()
                .map(r -> item.pinnedBy("taken by change " + r.id() + ", which can still roll back")).orElse(item);
    }
}
