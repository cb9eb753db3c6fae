package dev.ops.pbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.retention.RetentionPolicy;
import dev.ops.core.secret.Secret;
import dev.ops.pve.PveClient;
import dev.ops.pve.backup.BackupJobRequest;
import dev.ops.pve.backup.PbsStorageRequest;
import dev.ops.pve.backup.PveBackups;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestType;
import dev.ops.proxmox.task.PollPolicy;
import dev.ops.testkit.pbs.PbsFakeServer;
import dev.ops.testkit.pve.PveFakeServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Backups from Proxmox VE to PBS: the PBS fake is the PBS storage behind the PVE fake, so that a vzdump
 * to the storage makes a snapshot the PBS lists, verifies and prunes, and PVE restores from.
 */
@Timeout(60)
class PveToPbsBackupTest {
    private static final String TOKEN = "5b6f0c5e-3c1d-4a53-9d43-0c3f0b2f7a11";
    private final PbsFakeServer pbs = PbsFakeServer.start();
    private final PbsClient client = PbsFixture.client(pbs);
    private final PveFakeServer pveServer = PveFakeServer.builder().node("pve1").token("root@pam", "ops", TOKEN)
            .vm(100, "pve1").taskDuration(Duration.ofMillis(20)).start();
    private final PveClient pve = PveClient.builder().baseUrl(pveServer.baseUri().toString()).name("lab")
            .pinnedCertificate(pveServer.fingerprint()).apiToken("root@pam", "ops", Secret.of(TOKEN))
            .pollPolicy(new PollPolicy(Duration.ofMillis(5), 1.5, Duration.ofMillis(50), 0)).build();
    private final Ops ops = Ops.inMemory();

    @AfterEach
    void close() {
        pve.close();
        client.close();
        pveServer.close();
        pbs.close();
        assertThat(pbs.violations()).isEmpty();
    }

    private PbsStorageRequest storage() {
        return PbsStorageRequest.builder().storage("pbs").server("127.0.0.1").port(dev.ops.core.text.AsciiNumbers.parseInt(pbs.baseUrl().replaceAll(".*:", "")))
                .datastore("store1").namespace("pve").username("root@pam!ops").password(Secret.of(PbsFakeServer.TOKEN_SECRET))
                .fingerprint(pbs.fingerprint()).build();
    }

    @Test
    void aPbsStorageIsDefinedWithItsPasswordHiddenAndRemovedOnRollback() {
        var change = PveBackups.on(pve, ops).pbsStorage(storage());
        Plan plan = change.plan();
        assertThat(plan.render()).contains("POST /storage").contains("type=pbs").contains("datastore=store1").contains("namespace=pve")
                .doesNotContain(PbsFakeServer.TOKEN_SECRET);
        assertThat(storage().toString()).doesNotContain(PbsFakeServer.TOKEN_SECRET);

        // A plan holding a secret is applied by apply(): each plan holds the secret under its own reference.
        Applied<PbsStorageRequest> applied = change.apply();
        assertThat(pve.api().get("/storage/pbs").path("datastore").asText()).isEqualTo("store1");
        assertThat(PveBackups.on(pve, ops).pbsStorage(storage()).plan().isEmpty()).isTrue();
        assertThat(ops.store().list("")).allSatisfy(e -> assertThat(e.value().text()).doesNotContain(PbsFakeServer.TOKEN_SECRET));

        applied.rollback();
        assertThat(pve.api().get("/storage").elements()).noneMatch(e -> e.path("storage").asText().equals("pbs"));
    }

    @Test
    void aGuestBackupGoesToPbsIsVerifiedAndTheRetentionAppliedAsOneChange() {
        pbs.datastore("store1").namespace("pve").snapshot("pve", "vm/100/2026-01-01T00:00:00Z").snapshot("pve", "vm/100/2026-01-02T00:00:00Z");
        PveBackups.on(pve, ops).pbsStorage(storage()).apply();
        Guest guest = pve.node("pve1").guest(GuestType.QEMU, 100);

        var change = client.changes(ops).backupGuest(pve, guest, r -> r.pveStorage("pbs").store("store1").ns(Namespace.of("pve"))
                .mode("stop").notes("{{guestname}} nightly").retention(RetentionPolicy.builder().zone("UTC").keepLast(2).build()));
        Plan plan = change.plan();
        assertThat(plan.render()).contains("/nodes/pve1/vzdump").contains("mode=stop").contains("storage=pbs")
                .contains("planned at apply");
        Snapshot made = change.apply(plan).value();

        assertThat(made.ref().group()).isEqualTo("vm/100");
        assertThat(made.verification()).hasValue("ok");
        assertThat(made.comment()).hasValueSatisfying(c -> assertThat(c).endsWith("nightly"));
        assertThat(pbs.datastore("store1").snapshots("pve")).containsExactly("vm/100/2026-01-02T00:00:00Z", made.ref().path());
        assertThat(ops.journal().toString()).isNotNull();
    }

    @Test
    void aPbsSnapshotIsRestoredToANewVmidOnAGivenNode() {
        pbs.datastore("store1").namespace("pve");
        PveBackups.on(pve, ops).pbsStorage(storage()).apply();
        Guest guest = pve.node("pve1").guest(GuestType.QEMU, 100);
        Snapshot made = client.changes(ops).backupGuest(pve, guest, r -> r.pveStorage("pbs").store("store1").ns(Namespace.of("pve"))
                .verify(false)).apply().value();

        Applied<Guest> restored = pve.changes(ops).restore(pve.node("pve1"), GuestType.QEMU, r -> r.archive(made.ref().volumeOn("pbs"))
                .vmid(150)).apply();
        assertThat(restored.value().vmid()).isEqualTo(150);
        assertThat(pveServer.guest(150)).isPresent();

        restored.rollback();
        assertThat(pveServer.guest(150)).isEmpty();
    }

    @Test
    void aBackupToADatastoreThePbsLacksFailsBeforeAnythingIsWritten() {
        pbs.datastore("store1");
        PveBackups.on(pve, ops).pbsStorage(storage()).apply();
        Guest guest = pve.node("pve1").guest(GuestType.QEMU, 100);

        assertThatThrownBy(() -> client.changes(ops).backupGuest(pve, guest, r -> r.pveStorage("pbs").store("store1")
                .ns(Namespace.of("pve"))).apply()).hasMessageContaining("namespace 'pve' does not exist");
        assertThat(pbs.datastore("store1").snapshots("")).isEmpty();
        assertThatThrownBy(() -> GuestBackupRequest.builder().pveStorage("pbs").store("store1").mode("hibernate")
                .retention(RetentionPolicy.builder().zone("UTC").build()).build()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("mode").hasMessageContaining("retention");
    }

    @Test
    void aClusterBackupJobIsCreatedUpdatedAndRolledBack() {
        PveBackups.on(pve, ops).pbsStorage(storage()).apply();
        BackupJobRequest nightly = BackupJobRequest.builder().id("backup-nightly").schedule("21:00").addVmids(100).storage("pbs")
                .mode("snapshot").keepDaily(7).keepLast(3).notesTemplate("{{guestname}} on {{node}}").build();

        Applied<BackupJobRequest> created = PveBackups.on(pve, ops).backupJob(nightly).apply();
        assertThat(pve.api().get("/cluster/backup/backup-nightly").path("prune-backups").asText()).isEqualTo("keep-daily=7,keep-last=3");
        assertThat(PveBackups.on(pve, ops).backupJob(nightly).plan().isEmpty()).isTrue();

        var update = PveBackups.on(pve, ops).backupJob(nightly.toBuilder().schedule("sat 02:00").all(true).vmids(java.util.List.of()).build());
        assertThat(update.plan().render()).contains("schedule: 21:00 -> sat 02:00").contains("vmid: 100 -> (unset)");
        Applied<BackupJobRequest> updated = update.apply();
        assertThat(pve.api().get("/cluster/backup/backup-nightly").path("schedule").asText()).isEqualTo("sat 02:00");

        updated.rollback();
        assertThat(pve.api().get("/cluster/backup/backup-nightly").path("schedule").asText()).isEqualTo("21:00");
        assertThat(pve.api().get("/cluster/backup/backup-nightly").path("vmid").asText()).isEqualTo("100");
        created.rollback();
        assertThat(pve.api().get("/cluster/backup").elements()).isEmpty();

        assertThatThrownBy(() -> PveBackups.on(pve, ops).backupJob(nightly.toBuilder().storage("nowhere").build()).plan())
                .isInstanceOf(NotFoundException.class).hasMessageContaining("storage nowhere");
        assertThatThrownBy(() -> nightly.toBuilder().all(true).keepDaily(0).build()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("vmid").hasMessageContaining("prune-backups");
    }
}
