package dev.ops.pbs;

import dev.ops.core.error.Violations;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A verification job as wanted ({@code /config/verify}): which datastore and namespace it verifies,
 * when, and whether snapshots verified OK (recently) are skipped.
 */
@Value.Immutable
public abstract class VerifyJobRequest {
    /** The job id. */
    public abstract String id();

    /** The datastore it verifies. */
    public abstract String store();

    /** The calendar event it runs at (run by hand only when not set). */
    public abstract Optional<String> schedule();

    /** The namespace it starts at (the root when not set). */
    public abstract Optional<Namespace> ns();

    /** How many namespace levels below {@link #ns()} it covers (all when not set). */
    public abstract OptionalInt maxDepth();

    /** Whether snapshots whose last verification passed are skipped ({@code ignore-verified}). */
    public abstract Optional<Boolean> ignoreVerified();

    /** After how many days a passed verification is verified again ({@code outdated-after}). */
    public abstract OptionalInt outdatedAfterDays();

    /** A comment. */
    public abstract Optional<String> comment();

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
        Violations v = Violations.of("verify job");
        PbsIds.jobId(v, id());
        PbsIds.safeId(v, "store", store());
        PbsIds.maxDepth(v, maxDepth());
        outdatedAfterDays().ifPresent(d -> v.check(d >= 0, "outdated-after", "must not be negative"));
        schedule().ifPresent(s -> v.check(!s.isBlank(), "schedule", "must be a calendar event"));
        PbsIds.oneLine(v, "comment", comment());
        v.throwIfAny();
    }

    /** Builds a {@link VerifyJobRequest}. */
    public static final class Builder extends ImmutableVerifyJobRequest.Builder {}
}
