package dev.ops.pbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.secret.Secret;
import dev.ops.proxmox.error.ProxmoxTaskFailedException;
import dev.ops.proxmox.task.ProxmoxTask;
import dev.ops.testkit.pbs.PbsFakeServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sync job's run moves data, as PBS pulls it: from another PBS (a second fake on loopback, named by
 * the remote's host and port) or from a datastore of the same server, into the job's datastore and
 * namespace, by its remote namespace, depth, group filter, transfer-last and remove-vanished.
 */
class SyncJobPullTest {
    private static final String T1 = "2026-03-01T10:00:00Z";
    private static final String T2 = "2026-03-02T10:00:00Z";
    private static final String T3 = "2026-03-03T10:00:00Z";
    private final PbsFakeServer source = PbsFakeServer.start();
    private final PbsFakeServer pbs = PbsFakeServer.start();
    private final PbsClient client = PbsFixture.client(pbs);
    private final Ops ops = Ops.inMemory();

    @BeforeEach
    void seed() {
        source.datastore("main").snapshot("", "vm/100/" + T1).snapshot("", "vm/100/" + T2).snapshot("", "vm/100/" + T3)
                .snapshot("", "vm/100/2026-03-04T10:00:00Z", false, false).snapshot("", "ct/200/" + T1)
                .snapshot("prod", "vm/300/" + T2).snapshot("prod/db", "vm/400/" + T3).verified("", "vm/100/" + T3, "ok");
        pbs.datastore("store1").namespace("mirror");
        client.changes(ops).remote(r -> r.name("offsite").host("127.0.0.1").port(URI.create(source.baseUrl()).getPort())
                .authId("root@pam!ops").password(Secret.of(source.tokenSecret())).fingerprint(source.fingerprint())).apply();
    }

    @AfterEach
    void close() {
        client.close();
        pbs.close();
        source.close();
        assertThat(pbs.violations()).isEmpty();
    }

    @Test
    void aRunPullsEveryFinishedSnapshotTheLocalLacksIntoTheJobsNamespaceAndTheNamespacesBelow() {
        client.changes(ops).syncJob(j -> j.id("pull").store("store1").ns(Namespace.of("mirror")).remote("offsite").remoteStore("main")).apply();

        client.changes(ops).runSyncJob("pull").apply();

        PbsFakeServer.StoreSeed local = pbs.datastore("store1");
        assertThat(local.snapshots("mirror")).containsExactly("ct/200/" + T1, "vm/100/" + T1, "vm/100/" + T2, "vm/100/" + T3);
        assertThat(local.snapshots("mirror/prod")).containsExactly("vm/300/" + T2);
        assertThat(local.snapshots("mirror/prod/db")).containsExactly("vm/400/" + T3);
        assertThat(local.verification("mirror", "vm/100/" + T3)).contains("ok");
        assertThat(local.owner("mirror", "vm/100")).isEqualTo("root@pam");
        assertThat(client.datastore("store1").snapshots(Namespace.of("mirror"))).hasSize(4);

        client.changes(ops).runSyncJob("pull").apply();
        assertThat(local.snapshots("mirror")).hasSize(4);
    }

    @Test
    void theRunIsATaskThatTakesTimeAndTheSnapshotsArriveWhenItEnds() {
        client.changes(ops).syncJob(j -> j.id("pull").store("store1").ns(Namespace.of("mirror")).remote("offsite").remoteStore("main")).apply();
        pbs.taskDuration(Duration.ofMillis(400));

        String upid = client.api().post("/admin/sync/{id}/run", Map.of("id", "pull")).asText();
        assertThat(pbs.datastore("store1").snapshots("mirror")).isEmpty();
        ProxmoxTask task = client.task(upid);
        task.awaitSuccess(Duration.ofSeconds(20));

        assertThat(pbs.datastore("store1").snapshots("mirror")).hasSize(4);
        assertThat(task.log(0, 100)).anyMatch(l -> l.contains("sync snapshot vm/100/" + T1)).anyMatch(l -> l.contains("6 snapshot(s) pulled"));
    }

    @Test
    void aScheduledRunPullsAsARunNowDoes() {
        client.changes(ops).syncJob(j -> j.id("pull").store("store1").ns(Namespace.of("mirror")).remote("offsite").remoteStore("main")
                .maxDepth(0).schedule("hourly")).apply();

        client.task(pbs.runScheduledJob("sync", "pull")).awaitSuccess(Duration.ofSeconds(20));

        assertThat(pbs.datastore("store1").snapshots("mirror")).hasSize(4);
    }

    @Test
    void theFakesSchedulerStartsAJobWhenItsScheduleComesDueInTheHostsTimeZoneAndOnceForRunsMissed() {
        pbs.timeZone("Europe/Berlin");
        client.changes(ops).syncJob(j -> j.id("pull").store("store1").ns(Namespace.of("mirror")).remote("offsite").remoteStore("main")
                .maxDepth(0).schedule("02:00")).apply();
        java.time.Instant twoInBerlin = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(1).atTime(2, 0)
                .atZone(java.time.ZoneId.of("Europe/Berlin")).toInstant();

        assertThat(pbs.runDueJobs(twoInBerlin.minusSeconds(60))).as("a minute early").isEmpty();
        List<String> started = pbs.runDueJobs(twoInBerlin);
        assertThat(started).singleElement().satisfies(upid -> client.task(upid).awaitSuccess(Duration.ofSeconds(20)));
        assertThat(pbs.datastore("store1").snapshots("mirror")).hasSize(4);
        assertThat(pbs.runDueJobs(twoInBerlin.plusSeconds(60))).as("ran already today").isEmpty();
        assertThat(pbs.runDueJobs(twoInBerlin.plus(Duration.ofDays(3)))).as("three days missed start once").hasSize(1);
    }

    @Test
    void remoteNamespaceDepthGroupFilterAndTransferLastChooseWhatIsPulled() {
        client.changes(ops).syncJob(j -> j.id("prod").store("store1").ns(Namespace.of("mirror")).remote("offsite").remoteStore("main")
                .remoteNs(Namespace.of("prod")).maxDepth(0)).apply();
        client.changes(ops).syncJob(j -> j.id("vms").store("store1").remote("offsite").remoteStore("main").maxDepth(0)
                .groupFilter(List.of("type:vm")).transferLast(2)).apply();

        client.changes(ops).runSyncJob("prod").apply();
        client.changes(ops).runSyncJob("vms").apply();

        PbsFakeServer.StoreSeed local = pbs.datastore("store1");
        assertThat(local.snapshots("mirror")).containsExactly("vm/300/" + T2);
        assertThat(local.namespaces()).doesNotContain("mirror/db", "prod");
        assertThat(local.snapshots("")).containsExactly("vm/100/" + T2, "vm/100/" + T3);
    }

    @Test
    void aSnapshotOlderThanTheLocalGroupsNewestIsNotPulledAsInPbs() {
        pbs.datastore("store1").snapshot("mirror", "vm/100/" + T2);
        client.changes(ops).syncJob(j -> j.id("pull").store("store1").ns(Namespace.of("mirror")).remote("offsite").remoteStore("main")
                .maxDepth(0).groupFilter(List.of("group:vm/100"))).apply();

        client.changes(ops).runSyncJob("pull").apply();

        assertThat(pbs.datastore("store1").snapshots("mirror")).containsExactly("vm/100/" + T2, "vm/100/" + T3);
    }

    @Test
    void removeVanishedRemovesWhatTheSourceNoLongerHasButNotAProtectedSnapshot() {
        pbs.datastore("store1").snapshot("mirror", "vm/100/2026-02-01T10:00:00Z").snapshot("mirror", "vm/999/2026-02-01T10:00:00Z", true, true)
                .snapshot("mirror", "ct/201/2026-02-01T10:00:00Z").namespace("mirror/gone");
        client.changes(ops).syncJob(j -> j.id("pull").store("store1").ns(Namespace.of("mirror")).remote("offsite").remoteStore("main")
                .removeVanished(true).groupFilter(List.of("exclude:type:ct"))).apply();

        client.changes(ops).runSyncJob("pull").apply();

        PbsFakeServer.StoreSeed local = pbs.datastore("store1");
        assertThat(local.snapshots("mirror")).containsExactly("ct/201/2026-02-01T10:00:00Z", "vm/100/" + T1, "vm/100/" + T2, "vm/100/" + T3,
                "vm/999/2026-02-01T10:00:00Z");
        assertThat(local.namespaces()).contains("mirror/prod", "mirror/prod/db").doesNotContain("mirror/gone");
    }

    @Test
    void aLocalGroupOwnedBySomeoneElseIsNotSyncedTheOthersAreAndTheTaskFails() {
        pbs.datastore("store1").snapshot("mirror", "ct/200/2026-02-01T10:00:00Z");
        client.changes(ops).owner("store1", Namespace.of("mirror"), BackupType.CT, "200", "backup@pbs").apply();
        client.changes(ops).syncJob(j -> j.id("pull").store("store1").ns(Namespace.of("mirror")).remote("offsite").remoteStore("main")
                .maxDepth(0)).apply();

        assertThatThrownBy(() -> client.changes(ops).runSyncJob("pull").apply()).isInstanceOf(ProxmoxTaskFailedException.class)
                .hasMessageContaining("sync failed with some errors");

        assertThat(pbs.datastore("store1").snapshots("mirror")).containsExactly("ct/200/2026-02-01T10:00:00Z", "vm/100/" + T1,
                "vm/100/" + T2, "vm/100/" + T3);
    }

    @Test
    void aLocalSyncPullsFromAnotherDatastoreOfTheSameServer() {
        pbs.datastore("store2").snapshot("", "host/files/" + T1);
        client.changes(ops).syncJob(j -> j.id("local").store("store1").ns(Namespace.of("mirror")).remoteStore("store2")).apply();

        client.changes(ops).runSyncJob("local").apply();

        assertThat(pbs.datastore("store1").snapshots("mirror")).containsExactly("host/files/" + T1);
    }

    @Test
    void aRemoteThatRefusesTheCredentialsOrDoesNotAnswerFailsTheTaskAndPullsNothing() {
        client.changes(ops).remote(r -> r.name("wrong").host("127.0.0.1").port(URI.create(source.baseUrl()).getPort())
                .authId("root@pam!ops").password(Secret.of("not-the-secret"))).apply();
        client.changes(ops).remote(r -> r.name("gone").host("127.0.0.1").port(1).authId("root@pam!ops").password(Secret.of("x"))).apply();
        client.changes(ops).syncJob(j -> j.id("wrong").store("store1").remote("wrong").remoteStore("main")).apply();
        client.changes(ops).syncJob(j -> j.id("gone").store("store1").remote("gone").remoteStore("main")).apply();

        assertThatThrownBy(() -> client.changes(ops).runSyncJob("wrong").apply()).isInstanceOf(ProxmoxTaskFailedException.class)
                .hasMessageContaining("authentication failed");
        assertThatThrownBy(() -> client.changes(ops).runSyncJob("gone").apply()).isInstanceOf(ProxmoxTaskFailedException.class)
                .hasMessageContaining("unable to connect to remote 'gone'");
        assertThat(pbs.datastore("store1").snapshots("")).isEmpty();
    }
}
