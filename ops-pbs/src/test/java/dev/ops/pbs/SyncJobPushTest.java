package dev.ops.pbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.error.ValidationException;
import dev.ops.core.secret.Secret;
import dev.ops.proxmox.error.ProxmoxTaskFailedException;
import dev.ops.testkit.pbs.PbsFakeServer;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sync job can push (PBS 3.3 and later): this server's datastore goes to a remote's, the groups it
 * makes there owned by the remote's auth-id. PBS lists only pulling jobs unless asked for all, so
 * ops asks for all.
 */
class SyncJobPushTest {
    private static final String T1 = "2026-03-01T10:00:00Z";
    private static final String T2 = "2026-03-02T10:00:00Z";
    private final PbsFakeServer pbs = PbsFakeServer.start();
    private final PbsFakeServer offsite = PbsFakeServer.start();
    private final PbsClient client = PbsFixture.client(pbs);
    private final Ops ops = Ops.inMemory();

    @BeforeEach
    void seed() {
        pbs.datastore("main").snapshot("", "vm/100/" + T1).snapshot("", "vm/100/" + T2).snapshot("prod", "ct/200/" + T1)
                .verified("", "vm/100/" + T2, "ok");
        offsite.datastore("backup").namespace("site-a");
        client.changes(ops).remote(r -> r.name("offsite").host("127.0.0.1").port(URI.create(offsite.baseUrl()).getPort())
                .authId("root@pam!ops").password(Secret.of(offsite.tokenSecret())).fingerprint(offsite.fingerprint())).apply();
    }

    @AfterEach
    void close() {
        client.close();
        offsite.close();
        pbs.close();
        assertThat(pbs.violations()).isEmpty();
    }

    @Test
    void aPushCopiesThisServersSnapshotsIntoTheRemotesNamespaceOwnedByTheRemotesAuthId() {
        client.changes(ops).syncJob(j -> j.id("out").direction(SyncDirection.PUSH).store("main").remote("offsite").remoteStore("backup")
                .remoteNs(Namespace.of("site-a"))).apply();

        client.changes(ops).runSyncJob("out").apply();

        PbsFakeServer.StoreSeed there = offsite.datastore("backup");
        assertThat(there.snapshots("site-a")).containsExactly("vm/100/" + T1, "vm/100/" + T2);
        assertThat(there.snapshots("site-a/prod")).containsExactly("ct/200/" + T1);
        assertThat(there.owner("site-a", "vm/100")).isEqualTo("root@pam!ops");
        assertThat(there.verification("site-a", "vm/100/" + T2)).contains("ok");
        assertThat(pbs.datastore("main").snapshots("")).as("the source keeps its snapshots").hasSize(2);
    }

    @Test
    void verifiedOnlyPushesOnlySnapshotsWhoseVerificationPassed() {
        client.changes(ops).syncJob(j -> j.id("out").direction(SyncDirection.PUSH).store("main").remote("offsite").remoteStore("backup")
                .maxDepth(0).verifiedOnly(true)).apply();

        client.changes(ops).runSyncJob("out").apply();

        assertThat(offsite.datastore("backup").snapshots("")).containsExactly("vm/100/" + T2);
    }

    @Test
    void theJobListIncludesPushJobsThoughPbsListsOnlyPullsUnlessAskedForAll() {
        client.changes(ops).syncJob(j -> j.id("out").direction(SyncDirection.PUSH).store("main").remote("offsite").remoteStore("backup")
                .rateOut("10 MiB")).apply();
        client.changes(ops).syncJob(j -> j.id("inbound").store("main").ns(Namespace.of("prod")).remote("offsite").remoteStore("backup")).apply();

        assertThat(client.api().get("/config/sync").elements()).extracting(e -> e.path("id").asText()).containsExactly("inbound");
        assertThat(client.configuration().syncJobs()).extracting(SyncJobRequest::id, SyncJobRequest::direction)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("inbound", SyncDirection.PULL), org.assertj.core.groups.Tuple.tuple("out", SyncDirection.PUSH));
        assertThat(client.configuration().syncJobs().get(1).rateOut()).contains("10 MiB");
    }

    @Test
    void turningAPushIntoAPullDeletesTheDirectionAndRollbackPutsItBack() {
        client.changes(ops).syncJob(j -> j.id("out").direction(SyncDirection.PUSH).store("main").remote("offsite").remoteStore("backup")).apply();

        Applied<SyncJobRequest> turned = client.changes(ops).syncJob(j -> j.id("out").store("main").ns(Namespace.of("prod")).remote("offsite")
                .remoteStore("backup")).apply();
        assertThat(client.configuration().syncJobs()).singleElement().extracting(SyncJobRequest::direction).isEqualTo(SyncDirection.PULL);

        turned.rollback();
        assertThat(client.configuration().syncJobs()).singleElement().satisfies(j -> {
            assertThat(j.direction()).isEqualTo(SyncDirection.PUSH);
            assertThat(j.ns()).isEmpty();
        });
    }

    @Test
    void aPushWithoutARemoteIsRefusedNamingTheField() {
        assertThatThrownBy(() -> SyncJobRequest.builder().id("out").direction(SyncDirection.PUSH).store("main").remoteStore("other").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("remote").hasMessageContaining("push");
        assertThatThrownBy(() -> SyncDirection.parse("sideways")).isInstanceOf(ValidationException.class).hasMessageContaining("sync-direction");
    }

    @Test
    void aPushToANamespaceTheRemoteLacksFailsTheTaskAndCopiesNothing() {
        client.changes(ops).syncJob(j -> j.id("out").direction(SyncDirection.PUSH).store("main").remote("offsite").remoteStore("backup")
                .remoteNs(Namespace.of("nowhere"))).apply();

        assertThatThrownBy(() -> client.changes(ops).runSyncJob("out").apply()).isInstanceOf(ProxmoxTaskFailedException.class)
                .hasMessageContaining("namespace 'nowhere' does not exist");
        assertThat(offsite.datastore("backup").namespaces()).doesNotContain("nowhere");
        assertThat(List.copyOf(offsite.datastore("backup").snapshots(""))).isEmpty();
    }
}
