package dev.ops.pbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.secret.Secret;
import dev.ops.proxmox.error.ProxmoxTaskFailedException;
import dev.ops.proxmox.internal.Auth;
import dev.ops.proxmox.internal.Dialect;
import dev.ops.proxmox.task.TaskOutcome;
import dev.ops.testkit.pbs.PbsFakeServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PBS tasks have PBS's UPID and the outcome model shared with ops-pve; PBS tokens are sent with a colon before the secret. */
class TasksAndDialectTest {
    private final PbsFakeServer pbs = PbsFakeServer.start();
    private final PbsClient client = PbsFixture.client(pbs);

    @AfterEach
    void close() {
        client.close();
        pbs.close();
        assertThat(pbs.violations()).isEmpty();
    }

    @Test
    void aPbsTokenHeaderHasAColonWhereVeHasAnEqualsSign() {
        Auth.Token token = new Auth.Token("root@pam", "ops", Secret.of("s3cret"));
        assertThat(Dialect.PBS.tokenHeader(token)).isEqualTo("PBSAPIToken=root@pam!ops:s3cret");
        assertThat(Dialect.PVE.tokenHeader(token)).isEqualTo("PVEAPIToken=root@pam!ops=s3cret");
        assertThat(Dialect.PBS.ticketCookie()).isEqualTo("PBSAuthCookie");
    }

    @Test
    void aPasswordLoginUsesThePbsTicketCookieAndTheCsrfTokenOnWrites() {
        pbs.datastore("store1").snapshot("", "vm/100/2026-01-01T00:00:00Z");
        try (PbsClient byTicket = PbsClient.builder().baseUrl(pbs.baseUrl()).login("root@pam", Secret.of(PbsFakeServer.ROOT_PASSWORD))
                .pinnedCertificate(pbs.fingerprint()).build()) {
            assertThat(byTicket.datastores()).extracting(DatastoreSummary::name).containsExactly("store1");
            byTicket.changes(dev.ops.core.Ops.inMemory()).protection("store1", Namespace.root(),
                    SnapshotRef.parse("vm/100/2026-01-01T00:00:00Z"), true).apply();
        }
        assertThat(pbs.datastore("store1").isProtected("", "vm/100/2026-01-01T00:00:00Z")).isTrue();
    }

    @Test
    void tasksEndOkWithWarningsOrFailedAsInOpsPve() {
        String ok = pbs.task("verificationjob", "OK");
        String warned = pbs.task("garbage_collection", "WARNINGS: 2");
        String failed = pbs.task("prune", "unable to acquire lock");

        assertThat(client.task(ok).upid().type()).isEqualTo("verificationjob");
        assertThat(client.task(ok).await(Duration.ofSeconds(10)).state()).isEqualTo(TaskOutcome.State.OK);
        TaskOutcome w = client.task(warned).await(Duration.ofSeconds(10));
        assertThat(w.state()).isEqualTo(TaskOutcome.State.WARNINGS);
        assertThat(w.warnings()).isEqualTo(2);
        assertThatThrownBy(() -> client.task(failed).awaitSuccess(Duration.ofSeconds(10))).isInstanceOf(ProxmoxTaskFailedException.class)
                .hasMessageContaining("unable to acquire lock");
    }

    @Test
    void garbageCollectionRunsAsAnAwaitedTaskAndItsStatusIsRead() {
        pbs.datastore("store1").snapshot("", "vm/100/2026-01-01T00:00:00Z");
        assertThat(client.datastore("store1").gcStatus().lastRun()).isEmpty();

        var gc = client.changes(dev.ops.core.Ops.inMemory()).garbageCollect("store1");
        assertThat(gc.plan().render()).contains("garbage-collect datastore store1");
        GcStatus after = gc.apply().value();

        assertThat(after.lastRun()).hasValue("ok");
        assertThat(after.lastRunEndTime()).isPresent();
        assertThat(after.deduplicationFactor()).isEqualTo(2.0);
        assertThatThrownBy(() -> client.changes(dev.ops.core.Ops.inMemory()).garbageCollect("nope").plan())
                .isInstanceOf(dev.ops.core.error.NotFoundException.class);
    }

    @Test
    void aTaskStillRunningAtTheDeadlineSaysSo() {
        String running = pbs.task("verificationjob", null);

        assertThat(client.task(running).await(Duration.ofMillis(300)).state()).isEqualTo(TaskOutcome.State.STILL_RUNNING);
    }
}
