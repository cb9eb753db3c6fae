package dev.ops.pve.replication;

import dev.ops.core.error.Violations;
import dev.ops.pve.PveIds;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * A replication job as wanted: the guest and job number make its id ({@code 101-0}), the target
 * node, and optionally schedule, rate limit, comment and whether it is disabled.
 */
@Value.Immutable
public abstract class ReplicationRequest {

    /** The guest to replicate. */
    public abstract int guest();

    /** The job number, 0 for the guest's first job. */
    @Value.Default
    public int jobNumber() {
        return 0;
    }

    /** The node to replicate to. */
    public abstract String target();

    /** The calendar event ({@code *}/15 when not set). */
    public abstract Optional<String> schedule();

    /** The bandwidth limit in MB/s. */
    public abstract OptionalDouble rate();

    /** A comment. */
    public abstract Optional<String> comment();

    /** Whether the job is disabled. */
    @Value.Default
    public boolean disabled() {
        return false;
    }

    /** The job id, {@code GUEST-JOBNUM}. */
    public String id() {
        return guest() + "-" + jobNumber();
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
        Violations v = Violations.of("replication job");
        PveIds.checkVmid(v, "guest", guest());
        v.check(jobNumber() >= 0, "jobNumber", "must not be negative");
        PveIds.checkNode(v, "target", target());
        rate().ifPresent(r -> v.check(r >= 1, "rate", "is in MB/s and at least 1"));
        schedule().ifPresent(s -> v.check(!s.isBlank() && !s.contains("\n"), "schedule", "must be one calendar event"));
        v.throwIfAny();
    }

    /** Builds a {@link ReplicationRequest}. */
    public static final class Builder extends ImmutableReplicationRequest.Builder {}
}
