package dev.ops.lab.backup;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.error.Violations;
import dev.ops.core.retention.RetentionItem;
import dev.ops.lab.Lab;
import dev.ops.lab.catalog.BackupRecord;
import dev.ops.lab.catalog.Catalog;
import dev.ops.lab.internal.LiveChanges;
import dev.ops.lab.internal.Stamps;
import dev.ops.lab.backup.internal.BackupChange;
import dev.ops.lab.backup.internal.BackupRetentionChange;
import dev.ops.lab.site.BackupRetention;
import dev.ops.lab.site.Site;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Backups of the site's guests, recorded in the catalog with their retention state: {@link #backup}
 * runs vzdump of a guest to a site storage (the {@code backup} role unless said), awaits it and
 * records the backup ({@link BackupRecord}, {@code kept}), as one change whose rollback deletes the
 * backup volume and its record; {@link #retention} deletes the backups the site's rules no longer keep
 * and marks their records {@code pruned}. The policies' {@code approval_required: create_backup}
 * applies to the backup (its vzdump step).
 *
 * <pre>{@code
 * BackupRecord kept = lab.backups(ops).backup(guest, b -> b.mode("stop")).apply().value();
 * lab.backups(ops).retention(guest).ifPresent(Change::apply);
 * }</pre>
 */
public final class Backups {

    private final Site site;
    private final PveClient client;
    private final Ops ops;

    private Backups(Site site, PveClient client, Ops ops) {
        this.site = site;
        this.client = client;
        this.ops = ops;
    }

    /** Backups for {@code lab}'s site and cluster, journaled in {@code ops}. */
    public static Backups on(Lab lab, Ops ops) {
        return new Backups(lab.site(), lab.client(), Objects.requireNonNull(ops, "ops"));
    }

    /** The backup of {@code guest} as {@code edit} says. */
    public Change<BackupRecord> backup(Guest guest, Consumer<SiteBackupRequest.Builder> edit) {
        SiteBackupRequest.Builder b = SiteBackupRequest.builder();
        edit.accept(b);
        return backup(guest, b.build());
    }

    /**
     * The backup of {@code guest} to the storage of {@code request}'s role, recorded in the catalog; a
     * {@link dev.ops.core.error.ValidationException} when the guest is not on a node of the site
     * ({@code guest}) or the site maps no storage to the role ({@code storageRole}).
     */
    public Change<BackupRecord> backup(Guest guest, SiteBackupRequest request) {
        Objects.requireNonNull(guest, "guest");
        Violations v = Violations.of("backup request");
        v.check(site.node(guest.node()).isPresent(), "guest", guest + " is not on a node of the site (" + String.join(", ", site.nodeNames()) + ")");
        v.check(site.storages().containsKey(request.storageRole()), "storageRole", "'" + request.storageRole()
                + "' is not a storage role of the site (" + String.join(", ", site.storages().keySet().stream().sorted().toList()) + ")");
        v.throwIfAny();
        Instant at = ops.clock().instant();
        String storage = site.storage(request.storageRole());
        return new BackupChange(ops, client, guest, storage, request.mode(), Stamps.format(at) + "-" + storage, at.toString());
    }

    /**
     * The retention of the backups the lab took of {@code guest} (its {@code kept} records in the
     * catalog): the site's retention section's keep rules in its zone, and the policies'
     * {@code backup_retention} (at most {@code retention_days} old, {@code max_backups_per_resource} of
     * them) when {@code auto_cleanup_expired} is on; a backup taken by a change that can still roll
     * back is kept. The volumes of the others are deleted (irreversibly) and their records marked
     * {@code pruned} with the date. Empty when there is nothing to delete.
     */
    public Optional<Change<List<String>>> retention(Guest guest) {
        LiveChanges live = LiveChanges.in(ops);
        List<BackupRecord> kept = Catalog.of(site, ops).backups(guest.vmid()).stream().filter(r -> r.state().equals(BackupRecord.KEPT)).toList();
        List<RetentionItem> items = new ArrayList<>();
        for (BackupRecord r : kept) {
            String took = " as backup " + r.id() + " ";
            items.add(live.pin(RetentionItem.of(r.id(), Instant.parse(r.taken())),
                    step -> step.description().startsWith("vzdump ") && step.description().contains(took)));
        }
        Instant now = ops.clock().instant();
        BackupRetention caps = site.policies().backups();
        List<String> doomed = site.retention().policy(caps.autoCleanupExpired(), caps.retentionDays(), caps.maxPerResource())
                .plan(items, now).removed().stream().map(RetentionItem::id).toList();
        if (doomed.isEmpty()) {
            return Optional.empty();
        }
        List<BackupRecord> records = kept.stream().filter(r -> doomed.contains(r.id())).toList();
        return Optional.of(new BackupRetentionChange(ops, client, guest, records, now.toString()));
    }
}
