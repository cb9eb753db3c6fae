package dev.ops.lab.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.error.ValidationException;
import dev.ops.lab.Lab;
import dev.ops.lab.policy.SitePolicy;
import dev.ops.lab.site.Site;
import dev.ops.lab.testing.LabFakes;
import dev.ops.lab.testing.Sites;
import dev.ops.pve.PveChanges;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.Snapshot;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A safety snapshot is taken before the changes the site names, in the same plan, and only the retention may delete it. */
@Timeout(30)
class SafetySnapshotsTest {
    private final Site site = Site.load(Sites.site1());
    private final PveFakeServer pve = LabFakes.cluster().start();
    private final Lab lab = Lab.builder().site(site).client(Fakes.client(pve)).build();
    private final Ops ops = Ops.inMemory().toBuilder().policy(SitePolicy.of(site)).build();
    private final PveChanges changes = lab.client().changes(ops);
    private final Guest db = lab.client().node("pve1").lxc().container(200);

    @AfterEach
    void stop() {
        pve.close();
    }

    @Test
    void aConfigurationChangeIsPrecededByASafetySnapshot() {
        var change = lab.safety(ops).around(db, "config_change", changes.updateConfig(db, u -> u.memoryMb(2048)));

        assertThat(change.plan().render()).contains("ops_safety_");
        change.apply();

        assertThat(db.snapshots().list()).extracting(Snapshot::name).anyMatch(n -> n.startsWith("ops_safety_"));
        assertThat(pve.guestConfig(200).orElseThrow()).containsEntry("memory", "2048");
        String name = db.snapshots().list().stream().map(Snapshot::name).filter(n -> n.startsWith("ops_safety_")).findFirst().orElseThrow();
        assertThatThrownBy(() -> changes.deleteSnapshot(db, name).plan()).hasMessageContaining("delete_safety_snapshot");
    }

    @Test
    void aTriggerTheSiteDoesNotListTakesNoSnapshot(@TempDir Path dir) {
        Sites.copy(dir);
        Sites.edit(dir, "action-policies.yml", "before: [rebuild, config_change, upgrade]", "before: [upgrade]");
        Lab other = Lab.builder().site(Site.load(dir)).client(lab.client()).build();

        other.safety(ops).around(db, "config_change", changes.updateConfig(db, u -> u.memoryMb(1024))).apply();

        assertThat(db.snapshots().list()).extracting(Snapshot::name).noneMatch(n -> n.startsWith("ops_safety_"));
    }

    @Test
    void retentionKeepsTheNewestAndEverySnapshotAChangeThatCanStillRollBackTookAndOnlyItMayDeleteThem(@TempDir Path dir) {
        Sites.copy(dir);
        Sites.edit(dir, "inventory.yml", "keep_daily: 7", "keep_daily: 0"); // keep_last 3 alone: one a day would keep them all
        Lab lab = Lab.builder().site(Site.load(dir)).client(Fakes.client(pve)).build();
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        // one taken by a change whose journal record is gone (pruned): recorded in the catalog, held by nothing
        lab.safety(ops).before(db, List.of("upgrade"), t0.plus(Duration.ofDays(1))).orElseThrow().apply();
        ops.journal().prune(0);
        // the oldest, taken by a change this journal holds as applied
        Applied<List<Object>> held = lab.safety(ops).before(db, List.of("upgrade"), t0).orElseThrow().apply();
        // four more, taken by changes another controller journaled (this journal knows nothing of them)
        Ops other = Ops.inMemory();
        for (int day = 2; day <= 4; day++) {
            lab.safety(other).before(db, List.of("upgrade"), t0.plus(Duration.ofDays(day))).orElseThrow().apply();
        }

        Change<List<String>> retention = lab.safety(ops).retention(db).orElseThrow();
        assertThat(retention.description()).startsWith("retention");
        assertThat(retention.apply().value()).containsExactly("ops_safety_20261202000000");

        assertThat(safetySnapshots()).containsExactly("ops_safety_20261201000000", "ops_safety_20261203000000",
                "ops_safety_20261204000000", "ops_safety_20261205000000");
        assertThat(lab.safety(ops).retention(db)).as("keep_last 3, and the held one").isEmpty();
        assertThat(lab.catalog(ops).snapshots(200)).extracting(r -> r.name() + " " + r.state() + " " + r.before()).containsExactly(
                "ops_safety_20261201000000 kept upgrade", "ops_safety_20261202000000 pruned upgrade");

        held.rollback();

        assertThat(safetySnapshots()).doesNotContain("ops_safety_20261201000000");
        assertThat(lab.catalog(ops).snapshot(200, "ops_safety_20261201000000")).as("its record went with it").isEmpty();
    }

    @Test
    void theSeedsMaximumSnapshotsPerGuestCapsWhatTheKeepRulesKeep(@TempDir Path dir) throws Exception {
        Sites.copy(dir);
        Sites.edit(dir, "inventory.yml", "keep_daily: 7", "keep_daily: 0");
        java.nio.file.Files.writeString(dir.resolve("action-policies.yml"), java.nio.file.Files.readString(dir.resolve("action-policies.yml"))
                + "snapshot_retention:\n  vm: {max_age_days: 3650, max_snapshots_per_vm: 2, auto_cleanup: true}\n");
        Lab lab = Lab.builder().site(Site.load(dir)).client(Fakes.client(pve)).build();
        Ops other = Ops.inMemory();
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        for (int day = 0; day < 4; day++) {
            lab.safety(other).before(db, List.of("upgrade"), t0.plus(Duration.ofDays(day))).orElseThrow().apply();
        }

        assertThat(lab.safety(ops).retention(db).orElseThrow().apply().value()).as("keep_last 3, capped at 2 per guest")
                .containsExactly("ops_safety_20261201000000", "ops_safety_20261202000000");
        assertThat(safetySnapshots()).containsExactly("ops_safety_20261203000000", "ops_safety_20261204000000");
    }

    private List<String> safetySnapshots() {
        return db.snapshots().list().stream().map(Snapshot::name).filter(n -> n.startsWith("ops_safety_")).sorted().toList();
    }

    @Test
    void anUnknownTriggerIsRefused() {
        assertThatThrownBy(() -> lab.safety(ops).around(db, "reboot", changes.updateConfig(db, u -> u.memoryMb(1024))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("trigger");
    }
}
