package dev.ops.pve.backup;

import dev.ops.core.error.Violations;
import dev.ops.pve.PveIds;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A cluster backup job as wanted ({@code /cluster/backup}): when it runs, which guests (a list,
 * a pool, or all), where to and how, how many backups it keeps ({@code prune-backups}), and the
 * notes template each backup gets (e.g. {@code {{guestname}} on {{node}}}).
 */
@Value.Immutable
public abstract class BackupJobRequest {
    /** The job id, e.g. {@code backup-nightly}. */
    public abstract String id();

    /** The calendar event it runs at, e.g. {@code 21:00} or {@code sat 02:00}. */
    public abstract String schedule();

    /** The guests it backs up (when neither {@link #all()} nor {@link #pool()}). */
    public abstract List<Integer> vmids();

    /** Whether it backs up every guest. */
    @Value.Default
    public boolean all() {
        return false;
    }

    /** The pool whose guests it backs up. */
    public abstract Optional<String> pool();

    /** The node it runs on (every node when not set). */
    public abstract Optional<String> node();

    /** Where the backups go. */
    public abstract String storage();

    /** snapshot, suspend or stop. */
    public abstract Optional<String> mode();

    /** {@code keep-last} of its retention. */
    public abstract OptionalInt keepLast();

    /** {@code keep-daily}. */
    public abstract OptionalInt keepDaily();

    /** {@code keep-weekly}. */
    public abstract OptionalInt keepWeekly();

    /** {@code keep-monthly}. */
    public abstract OptionalInt keepMonthly();

    /** {@code keep-yearly}. */
    public abstract OptionalInt keepYearly();

    /** The notes template of each backup. */
    public abstract Optional<String> notesTemplate();

    /** A comment. */
    public abstract Optional<String> comment();

    /** Whether the job is enabled. */
    @Value.Default
    public boolean enabled() {
        return true;
    }

    /** The {@code prune-backups} property string, e.g. {@code keep-daily=7,keep-last=3}; empty when no keep option is set. */
    public String pruneBackups() {
        StringBuilder b = new StringBuilder();
        append(b, "keep-daily", keepDaily());
        append(b, "keep-last", keepLast());
        append(b, "keep-monthly", keepMonthly());
        append(b, "keep-weekly", keepWeekly());
        append(b, "keep-yearly", keepYearly());
        return b.toString();
    }

    private static void append(StringBuilder b, String name, OptionalInt n) {
        n.ifPresent(v -> b.append(b.isEmpty() ? "" : ",").append(name).append('=').append(v));
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
        Violations v = Violations.of("backup job");
        v.check(id().matches("[A-Za-z][A-Za-z0-9_\\-]{1,63}"), "id", "'" + id() + "' is not a job id (a letter, then letters, digits, _ -)");
        v.check(!schedule().isBlank(), "schedule", "must be a calendar event");
        int selections = (all() ? 1 : 0) + (pool().isPresent() ? 1 : 0) + (vmids().isEmpty() ? 0 : 1);
        v.check(selections == 1, "vmid", "select the guests one way: a list of VMIDs, a pool, or all");
        vmids().forEach(id -> PveIds.checkVmid(v, "vmid", id));
        node().ifPresent(n -> PveIds.checkNode(v, "node", n));
        PveIds.checkStorage(v, "storage", storage());
        mode().ifPresent(m -> v.check(List.of("snapshot", "suspend", "stop").contains(m), "mode", "'" + m + "' must be snapshot, suspend or stop"));
        for (var keep : List.of(keepLast(), keepDaily(), keepWeekly(), keepMonthly(), keepYearly())) {
            keep.ifPresent(n -> v.check(n >= 1, "prune-backups", "a keep option is " + n + "; at least 1 (leave it out to not use it)"));
        }
        notesTemplate().ifPresent(t -> v.check(!t.contains("\n"), "notes-template", "must be one line"));
        v.throwIfAny();
    }

    /** Builds a {@link BackupJobRequest}. */
    public static final class Builder extends ImmutableBackupJobRequest.Builder {}
}
