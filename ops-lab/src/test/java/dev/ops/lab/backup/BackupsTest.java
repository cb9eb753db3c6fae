package dev.ops.lab.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.error.PolicyDeniedException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import dev.ops.core.policy.Approver;
import dev.ops.lab.Lab;
import dev.ops.lab.catalog.BackupRecord;
import dev.ops.lab.policy.SitePolicy;
import dev.ops.lab.site.Site;
import dev.ops.lab.testing.LabFakes;
import dev.ops.lab.testing.MutableClock;
import dev.ops.lab.testing.Sites;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.storage.StorageContentItem;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A backup of a site guest is taken and recorded in the catalog as one change, and the site's rules prune what they no longer keep. */
@Timeout(30)
class BackupsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final PveFakeServer pve = LabFakes.cluster().clock(clock).container(300, "pve1", ct -> ct.name("app").running()).start();
    private final Site site = Site.load(Sites.site1());
    private final Lab lab = Lab.builder().site(site).client(Fakes.client(pve)).build();
    private final Ops ops = Ops.inMemory().toBuilder().clock(clock).policy(SitePolicy.of(site, plan -> Approver.Decision.approve())).build();
    private final Guest app = lab.client().node("pve1").lxc().container(300);

    @AfterEach
    void stop() {
        pve.close();
    }

    @Test
    void aBackupIsTakenToTheSitesBackupStorageAndRecordedAndRollingBackDeletesBothVolumeAndRecord() {
        Change<BackupRecord> change = lab.backups(ops).backup(app, b -> b.mode("stop"));
        assertThat(change.plan().render()).contains("POST /nodes/pve1/vzdump").contains("storage=local").contains("mode=stop")
                .contains("rollback deletes the backup volume");

        Applied<BackupRecord> applied = change.apply();

        BackupRecord record = applied.value();
        assertThat(record.vmid()).isEqualTo(300);
        assertThat(record.node()).isEqualTo("pve1");
        assertThat(record.storage()).isEqualTo("local");
        assertThat(record.volid()).startsWith("local:backup/vzdump-lxc-300-2026_12_01-00_00_00");
        assertThat(record.mode()).isEqualTo("stop");
        assertThat(record.size()).isPositive();
        assertThat(record.state()).isEqualTo(BackupRecord.KEPT);
        assertThat(record.taken()).isEqualTo(T0.toString());
        assertThat(backups()).containsExactly(record.volid());
        assertThat(lab.catalog(ops).backups(300)).containsExactly(record);
        assertThat(lab.catalog(ops).backup(300, record.volid())).contains(record);
        assertThat(ops.journal().list()).hasSize(1);

        applied.rollback();

        assertThat(backups()).as("the volume went with the rollback").isEmpty();
        assertThat(lab.catalog(ops).backups(300)).as("and the record").isEmpty();
    }

    @Test
    void theApprovalTheSiteRequiresForCreateBackupIsAskedForAndWithoutAnApproverNothingRuns() {
        List<String> asked = new ArrayList<>();
        Ops approving = ops.toBuilder().policy(SitePolicy.of(site, plan -> {
            asked.addAll(SitePolicy.approvalsFor(site, plan));
            return Approver.Decision.approve();
        })).build();
        lab.backups(approving).backup(app, b -> {}).apply();
        assertThat(asked).containsExactly("create_backup");

        Ops refusing = ops.toBuilder().policy(SitePolicy.of(site)).build();
        clock.set(T0.plus(Duration.ofHours(1)));
        assertThatThrownBy(() -> lab.backups(refusing).backup(app, b -> {}).apply()).isInstanceOf(PolicyDeniedException.class)
                .hasMessageContaining("create_backup");
        assertThat(backups()).hasSize(1);
        assertThat(lab.catalog(refusing).backups(300)).hasSize(1);
    }

    @Test
    void anUnknownStorageRoleAndAGuestNotOfTheSiteAreRefusedByFieldAndNothingIsApplied() {
        Guest elsewhere = lab.client().node("pve9").lxc().container(300);

        assertThatThrownBy(() -> lab.backups(ops).backup(elsewhere, b -> b.storageRole("archive")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(Violation::field)
                        .containsExactly("guest", "storageRole"));
        assertThatThrownBy(() -> lab.backups(ops).backup(app, b -> b.mode("hibernate")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(Violation::field)
                        .containsExactly("mode"));
        assertThat(backups()).isEmpty();
        assertThat(ops.journal().list()).isEmpty();
    }

    @Test
    void retentionKeepsByTheSitesRulesAndWhatAChangeCanStillRollBackAndMarksTheRestPruned(@TempDir Path dir) {
        Lab lab = keepDaily0(dir);
        for (int day = 1; day <= 4; day++) {
            clock.set(T0.plus(Duration.ofDays(day)));
            lab.backups(ops).backup(app, b -> {}).apply();
        }
        ops.journal().prune(0); // taken by changes whose journal records are gone: nothing holds them
        clock.set(T0);
        BackupRecord held = lab.backups(ops).backup(app, b -> {}).apply().value();
        clock.set(T0.plus(Duration.ofDays(10)));

        Change<List<String>> retention = lab.backups(ops).retention(app).orElseThrow();
        assertThat(retention.description()).startsWith("retention");
        assertThat(retention.plan().render()).contains("DELETE /nodes/pve1/storage/local/content/").contains("cannot be undone");
        List<String> deleted = retention.apply().value();

        assertThat(deleted).singleElement().asString().contains("2026_12_02");
        assertThat(backups()).hasSize(4).contains(held.volid()).doesNotContain(deleted.get(0));
        assertThat(lab.catalog(ops).backups(300)).extracting(r -> r.taken() + " " + r.state() + " " + r.pruned()).containsExactly(
                "2026-12-01T00:00:00Z kept ", "2026-12-02T00:00:00Z pruned 2026-12-11T00:00:00Z", "2026-12-03T00:00:00Z kept ",
                "2026-12-04T00:00:00Z kept ", "2026-12-05T00:00:00Z kept ");
        assertThat(lab.backups(ops).retention(app)).as("keep_last 3, and the held one").isEmpty();
    }

    @Test
    void thePoliciesMaximumBackupsPerGuestCapsTheKeepRulesOnlyWhenAutomaticCleanUpIsOn(@TempDir Path dir) throws Exception {
        Lab lab = keepDaily0(dir);
        Files.writeString(dir.resolve("action-policies.yml"), Files.readString(dir.resolve("action-policies.yml"))
                + "backup_retention:\n  max_backups_per_resource: 2\n  auto_cleanup_expired: false\n");
        Lab manual = Lab.builder().site(Site.load(dir)).client(lab.client()).build();
        for (int day = 1; day <= 3; day++) {
            clock.set(T0.plus(Duration.ofDays(day)));
            lab.backups(ops).backup(app, b -> {}).apply();
        }
        ops.journal().prune(0);

        assertThat(manual.backups(ops).retention(app)).as("keep_last 3; the maximum is not applied").isEmpty();

        Files.writeString(dir.resolve("action-policies.yml"), Files.readString(dir.resolve("action-policies.yml"))
                .replace("auto_cleanup_expired: false", "auto_cleanup_expired: true"));
        Lab automatic = Lab.builder().site(Site.load(dir)).client(lab.client()).build();
        assertThat(automatic.backups(ops).retention(app).orElseThrow().apply().value()).singleElement().asString().contains("2026_12_02");
        assertThat(backups()).hasSize(2);
    }

    private Lab keepDaily0(Path dir) {
        Sites.copy(dir);
        Sites.edit(dir, "inventory.yml", "keep_daily: 7", "keep_daily: 0"); // keep_last 3 alone: one a day would keep them all
        return Lab.builder().site(Site.load(dir)).client(lab.client()).build();
    }

    private List<String> backups() {
        return lab.client().node("pve1").storage("local").list("backup").stream().filter(v -> v.vmid().orElse(0) == 300)
                .map(StorageContentItem::volid).sorted().toList();
    }
}
