package dev.ops.lab.safety;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Changes;
import dev.ops.core.error.Violations;
import dev.ops.core.retention.RetentionItem;
import dev.ops.lab.Lab;
import dev.ops.lab.catalog.Catalog;
import dev.ops.lab.catalog.SnapshotRecord;
import dev.ops.lab.catalog.internal.CatalogChange;
import dev.ops.lab.catalog.internal.CatalogKeys;
import dev.ops.lab.catalog.internal.SnapshotRecordAction;
import dev.ops.lab.internal.LiveChanges;
import dev.ops.lab.internal.Stamps;
import dev.ops.lab.safety.internal.RetentionChange;
import dev.ops.lab.site.ActionPolicies;
import dev.ops.lab.site.Site;
import dev.ops.lab.site.SnapshotRetention;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.Snapshot;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code automatic_snapshot} of {@code action-policies.yml}: {@link #around} puts a Proxmox snapshot
 * of the guest, named with the retention section's {@code safety_prefix} and the time, before a
 * change whose trigger ({@code rebuild}, {@code config_change}, {@code upgrade}) the site lists; one
 * journal record, one rollback (the change itself is planned once the snapshot is taken). Safety snapshots are deleted by retention only (the policy
 * {@code prohibited_actions.delete_safety_snapshot}).
 *
 * <pre>{@code
 * Change<GuestConfig> safe = lab.safety(ops).around(guest, "config_change", pve.updateConfig(guest, u -> u.memoryMb(4096)));
 * }</pre>
 */
public final class SafetySnapshots {

    private final Site site;
    private final PveClient client;
    private final Ops ops;

    private SafetySnapshots(Site site, PveClient client, Ops ops) {
        this.site = site;
        this.client = client;
        this.ops = ops;
    }

    /** Safety snapshots for {@code lab}'s site, journaled in {@code ops}. */
    public static SafetySnapshots on(Lab lab, Ops ops) {
        return new SafetySnapshots(lab.site(), lab.client(), Objects.requireNonNull(ops, "ops"));
    }

    /**
     * {@code change}, after a safety snapshot of {@code guest} when the site takes one before
     * {@code trigger}; {@code change} alone otherwise. A {@link dev.ops.core.error.ValidationException}
     * when the trigger is not one of {@link ActionPolicies#SNAPSHOT_TRIGGERS}.
     */
    public <T> Change<T> around(Guest guest, String trigger, Change<T> change) {
        Violations v = Violations.of("safety snapshot");
        v.check(ActionPolicies.SNAPSHOT_TRIGGERS.contains(trigger), "trigger", "'" + trigger + "' is not rebuild, config_change or upgrade");
        v.throwIfAny();
        // The change is planned after the snapshot is taken: a snapshot changes the guest's config digest,
        // which a config change planned before it would be refused for.
        return before(guest, List.of(trigger), ops.clock().instant()).<Change<T>>map(snapshot -> Changes.then(snapshot, taken -> change))
                .orElse(change);
    }

    /**
     * The safety snapshot of {@code guest} named for {@code at} ({@code <safety_prefix><yyyyMMddHHmmss>}),
     * when the site takes one before any of {@code triggers}, and its record in the catalog
     * ({@link SnapshotRecord}, {@code kept}); empty otherwise. Rolling it back deletes the snapshot
     * and its record (they are part of the change that took them); otherwise they are kept until
     * retention. The lab's own layers put it first in their change (layers L3 and L4, before a host
     * that is a site guest).
     */
    public Optional<Change<List<Object>>> before(Guest guest, Collection<String> triggers, Instant at) {
        List<String> taken = triggers.stream().filter(site.policies().snapshotBefore()::contains).toList();
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        String name = site.retention().safetyPrefix() + Stamps.format(at);
        Change<Snapshot> snapshot = client.changes(ops).snapshot(guest, s -> s.name(name)
                .description("safety snapshot before " + String.join(", ", taken) + " (" + site.policies().file() + ")"));
        SnapshotRecord record = new SnapshotRecord(guest.vmid(), guest.node(), name, String.join(", ", taken), at.toString(),
                SnapshotRecord.KEPT, "");
        Change<SnapshotRecord> recorded = new CatalogChange<>(ops, client.targets(ops), "record safety snapshot " + name + " of " + guest,
                SnapshotRecordAction.of(record), new SnapshotRecordAction(guest.vmid(), name, previous(guest, name)), store -> record);
        return Optional.of(Changes.sequence(snapshot, recorded));
    }

    /** The catalog's record of snapshot {@code name} of {@code guest} as JSON; empty when it has none. */
    private String previous(Guest guest, String name) {
        return Catalog.of(site, ops).snapshot(guest.vmid(), name).map(r -> new String(CatalogKeys.write(r), StandardCharsets.UTF_8)).orElse("");
    }

    /**
     * The retention of {@code guest}'s safety snapshots (those named with the retention section's
     * {@code safety_prefix}): those ops-core's retention engine lets go under the retention section's
     * keep rules in its zone and, when {@code auto_cleanup} is on, the policies' guest
     * {@code snapshot_retention} (maximum age and count) are deleted, except a snapshot that a change
     * still applied took (its journal record in {@code ops} is not rolled back: rolling it back deletes
     * the snapshot, and until then it is pinned). Empty when there is nothing to delete. The one way the
     * site's policy lets safety snapshots go ({@code prohibited_actions.delete_safety_snapshot}).
     */
    public Optional<Change<List<String>>> retention(Guest guest) {
        String prefix = site.retention().safetyPrefix();
        LiveChanges live = LiveChanges.in(ops);
        List<RetentionItem> items = new ArrayList<>();
        for (Snapshot s : guest.snapshots().list()) {
            if (s.name().startsWith(prefix)) {
                String took = "take snapshot " + s.name() + " of " + guest;
                items.add(live.pin(RetentionItem.of(s.name(), s.time().orElseGet(() -> Stamps.parse(s.name().substring(prefix.length())))),
                        step -> step.description().equals(took)));
            }
        }
        SnapshotRetention caps = site.policies().guestSnapshots();
        List<String> doomed = site.retention().policy(caps.autoCleanup(), caps.maxAgeDays(), caps.maxPerVolume())
                .plan(items, ops.clock().instant()).removed().stream().map(RetentionItem::id).sorted().toList();
        if (doomed.isEmpty()) {
            return Optional.empty();
        }
        String now = ops.clock().instant().toString();
        List<Map.Entry<SnapshotRecordAction, SnapshotRecordAction>> records = new ArrayList<>();
        Catalog catalog = Catalog.of(site, ops);
        for (String name : doomed) {
            catalog.snapshot(guest.vmid(), name).ifPresent(r -> records.add(Map.entry(SnapshotRecordAction.of(r.prunedAt(now)),
                    new SnapshotRecordAction(guest.vmid(), name, previous(guest, name)))));
        }
        return Optional.of(new RetentionChange(ops, client, guest, doomed, records));
    }

    /** The name a safety snapshot taken now gets. */
    public String nameNow() {
        return site.retention().safetyPrefix() + Stamps.format(ops.clock().instant());
    }
}
