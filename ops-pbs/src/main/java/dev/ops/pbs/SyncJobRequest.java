package dev.ops.pbs;

import dev.ops.core.error.Violations;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A sync job as wanted ({@code /config/sync}): it pulls a remote datastore (of a {@link RemoteRequest
 * remote}; a local one when no remote is set) into a local one, or, with {@link SyncDirection#PUSH},
 * pushes a local datastore to a remote's, on a schedule, optionally with rate limits, a group filter,
 * only verified snapshots, and removal of what vanished at the source.
 */
@Value.Immutable
public abstract class SyncJobRequest {
    /** The job id. */
    public abstract String id();

    /** Which way it syncs: {@link SyncDirection#PULL} unless set. */
    @Value.Default
    public SyncDirection direction() {
        return SyncDirection.PULL;
    }

    /** The local datastore it fills (a pull) or reads (a push). */
    public abstract String store();

    /** The local namespace it fills or reads (the root when not set). */
    public abstract Optional<Namespace> ns();

    /** The remote it pulls from or pushes to (a pull from another local datastore when not set; a push needs one). */
    public abstract Optional<String> remote();

    /** The datastore on the remote. */
    public abstract String remoteStore();

    /** The namespace on the remote (the root when not set). */
    public abstract Optional<Namespace> remoteNs();

    /** How many namespace levels it covers (all when not set). */
    public abstract OptionalInt maxDepth();

    /** The calendar event it runs at (run by hand only when not set). */
    public abstract Optional<String> schedule();

    /** Whether snapshots gone from the source are removed here too. */
    public abstract Optional<Boolean> removeVanished();

    /** Who owns the groups a pull makes, or whose groups a push reads ({@code user@realm} or a token). */
    public abstract Optional<String> owner();

    /** Only the newest this many snapshots of each group are synced. */
    public abstract OptionalInt transferLast();

    /** The incoming rate limit, e.g. {@code 10 MiB}. */
    public abstract Optional<String> rateIn();

    /** The outgoing rate limit (what a push sends), e.g. {@code 10 MiB}. */
    public abstract Optional<String> rateOut();

    /** Whether only snapshots whose last verification passed are synced. */
    public abstract Optional<Boolean> verifiedOnly();

    /** Group filters, e.g. {@code type:vm} or {@code group:vm/100}. */
    public abstract List<String> groupFilter();

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
        Violations v = Violations.of("sync job");
        PbsIds.jobId(v, id());
        PbsIds.safeId(v, "store", store());
        PbsIds.safeId(v, "remote-store", remoteStore());
        remote().ifPresent(r -> PbsIds.safeId(v, "remote", r));
        PbsIds.maxDepth(v, maxDepth());
        owner().ifPresent(o -> v.check(PbsIds.AUTH_ID.matcher(o).matches(), "owner", "'" + o + "' is not user@realm or user@realm!token"));
        transferLast().ifPresent(n -> v.check(n >= 1, "transfer-last", "is " + n + "; at least 1"));
        schedule().ifPresent(s -> v.check(!s.isBlank(), "schedule", "must be a calendar event"));
        for (String f : groupFilter()) {
            v.check(f.matches("(exclude:)?(type:(vm|ct|host)|group:(vm|ct|host)/[A-Za-z0-9_][A-Za-z0-9._\\-]*|regex:.+)"), "group-filter",
                    "'" + f + "' is not type:<vm|ct|host>, group:<type>/<id> or regex:<re> (optionally after exclude:)");
        }
        v.check(remote().isPresent() || !remoteStore().equals(store()) || !remoteNs().equals(ns()), "remote-store",
                "a local sync cannot pull a namespace into itself");
        v.check(direction() == SyncDirection.PULL || remote().isPresent(), "remote", "a push sync job pushes to a remote: name one");
        PbsIds.oneLine(v, "comment", comment());
        v.throwIfAny();
    }

    /** Builds a {@link SyncJobRequest}. */
    public static final class Builder extends ImmutableSyncJobRequest.Builder {}
}
