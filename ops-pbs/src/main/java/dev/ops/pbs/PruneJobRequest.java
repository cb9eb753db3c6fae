package dev.ops.pbs;

import dev.ops.core.error.Violations;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A prune job as wanted ({@code /config/prune}): which datastore and namespace it prunes, when, and
 * the keep options (each at least 1; none at all keeps everything, as PBS does).
 */
@Value.Immutable
public abstract class PruneJobRequest {
    /** The job id. */
    public abstract String id();

    /** The datastore it prunes. */
    public abstract String store();

    /** The calendar event it runs at, e.g. {@code daily} or {@code *:0/30}. */
    public abstract String schedule();

    /** The namespace it starts at (the root when not set). */
    public abstract Optional<Namespace> ns();

    /** How many namespace levels below {@link #ns()} it covers (all when not set). */
    public abstract OptionalInt maxDepth();

    /** {@code keep-last}. */
    public abstract OptionalInt keepLast();

    /** {@code keep-hourly}. */
    public abstract OptionalInt keepHourly();

    /** {@code keep-daily}. */
    public abstract OptionalInt keepDaily();

    /** {@code keep-weekly}. */
    public abstract OptionalInt keepWeekly();

    /** {@code keep-monthly}. */
    public abstract OptionalInt keepMonthly();

    /** {@code keep-yearly}. */
    public abstract OptionalInt keepYearly();

    /** A comment. */
    public abstract Optional<String> comment();

    /** Whether the job is disabled. */
    @Value.Default
    public boolean disabled() {
        return false;
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's settings, to derive a changed copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    @Value.Check
    protected void check() {
        Violations v = Violations.of("prune job");
        PbsIds.jobId(v, id());
        PbsIds.safeId(v, "store", store());
        v.check(!schedule().isBlank(), "schedule", "must be a calendar event");
        PbsIds.maxDepth(v, maxDepth());
        PbsIds.keep(v, "keep-last", keepLast());
        PbsIds.keep(v, "keep-hourly", keepHourly());
        PbsIds.keep(v, "keep-daily", keepDaily());
        PbsIds.keep(v, "keep-weekly", keepWeekly());
        PbsIds.keep(v, "keep-monthly", keepMonthly());
        PbsIds.keep(v, "keep-yearly", keepYearly());
        PbsIds.oneLine(v, "comment", comment());
        v.throwIfAny();
    }

    /** Builds a {@link PruneJobRequest}. */
    public static final class Builder extends ImmutablePruneJobRequest.Builder {}
}
