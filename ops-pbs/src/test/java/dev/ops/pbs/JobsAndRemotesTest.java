package dev.ops.pbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.secret.Secret;
import dev.ops.proxmox.error.ProxmoxTaskFailedException;
import dev.ops.testkit.pbs.PbsFakeServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Prune, verify and sync jobs, remotes and traffic-control rules: created, updated, removed, run, each rolled back. */
@Timeout(60)
class JobsAndRemotesTest {
    private static final String FP = String.join(":", java.util.Collections.nCopies(32, "AB"));
    private static final String PASSWORD = "remote-pa55word-xyz";
    private final PbsFakeServer pbs = PbsFakeServer.start();
    private final PbsClient client = PbsFixture.client(pbs);
    private final Ops ops = Ops.inMemory();

    @AfterEach
    void close() {
        client.close();
        pbs.close();
        assertThat(pbs.violations()).isEmpty();
    }

    private PruneJobRequest daily() {
        return PruneJobRequest.builder().id("daily").store("store1").schedule("daily").keepLast(3).keepDaily(7).build();
    }

    @Test
    void aCreatedPruneJobIsDeletedOnRollback() {
        pbs.datastore("store1");

        var change = client.changes(ops).pruneJob(daily());
        Plan plan = change.plan();
        assertThat(plan.render()).contains("create prune job daily").contains("POST /config/prune").contains("keep-last=3");
        assertThat(pbs.config("prune", "daily")).isEmpty();

        Applied<PruneJobRequest> applied = change.apply(plan);
        assertThat(pbs.config("prune", "daily")).hasValueSatisfying(e -> assertThat(e).containsEntry("keep-daily", 7L));
        assertThat(client.changes(ops).pruneJob(daily()).plan().isEmpty()).isTrue();

        applied.rollback();
        assertThat(pbs.config("prune", "daily")).isEmpty();
    }

    @Test
    void anUpdatedJobGetsItsOldSettingsBackOnRollback() {
        pbs.datastore("store1");
        client.changes(ops).pruneJob(daily().toBuilder().comment("seven days").build()).apply();

        var change = client.changes(ops).pruneJob(daily().toBuilder().keepDaily(14).keepWeekly(4).build());
        assertThat(change.plan().render()).contains("keep-daily: 7 -> 14").contains("keep-weekly: (unset) -> 4")
                .contains("comment: seven days -> (unset)").contains("delete=[comment]");
        Applied<PruneJobRequest> applied = change.apply();
        assertThat(pbs.config("prune", "daily").orElseThrow()).containsEntry("keep-daily", 14L).containsEntry("keep-weekly", 4L)
                .doesNotContainKey("comment");

        applied.rollback();
        assertThat(pbs.config("prune", "daily").orElseThrow()).containsEntry("keep-daily", 7L).containsEntry("comment", "seven days")
                .doesNotContainKey("keep-weekly");
    }

    @Test
    void aRemovedJobIsCreatedAgainOnRollback() {
        pbs.datastore("store1");
        client.changes(ops).verifyJob(v -> v.id("weekly").store("store1").schedule("sat 02:00").ignoreVerified(true).outdatedAfterDays(30))
                .apply();

        Applied<Boolean> applied = client.changes(ops).removeVerifyJob("weekly").apply();
        assertThat(pbs.config("verify", "weekly")).isEmpty();
        assertThat(client.changes(ops).removeVerifyJob("weekly").plan().isEmpty()).isTrue();

        applied.rollback();
        assertThat(pbs.config("verify", "weekly").orElseThrow()).containsEntry("schedule", "sat 02:00").containsEntry("outdated-after", 30L);
    }

    @Test
    void runningAPruneJobAwaitsTheUpidTheSchemaSaysIsNullAndPrunes() {
        pbs.datastore("store1").snapshot("", "vm/100/2026-01-01T00:00:00Z").snapshot("", "vm/100/2026-01-02T00:00:00Z")
                .snapshot("", "vm/100/2026-01-03T00:00:00Z");
        client.changes(ops).pruneJob(p -> p.id("last1").store("store1").schedule("daily").keepLast(1)).apply();

        var run = client.changes(ops).runPruneJob("last1");
        assertThat(run.plan().render()).contains("POST /admin/prune/last1/run (await task)");
        run.apply();

        assertThat(pbs.datastore("store1").snapshots("")).containsExactly("vm/100/2026-01-03T00:00:00Z");
        assertThat(pbs.tasks()).last().asString().contains(":prunejob:");
    }

    @Test
    void aFailedJobRunThrowsAsAFailedTask() {
        pbs.datastore("store1").snapshot("", "vm/100/2026-01-01T00:00:00Z").corrupt("", "vm/100/2026-01-01T00:00:00Z");
        client.changes(ops).verifyJob(v -> v.id("all-snapshots").store("store1")).apply();

        assertThatThrownBy(() -> client.changes(ops).runVerifyJob("all-snapshots").apply()).isInstanceOf(ProxmoxTaskFailedException.class)
                .hasMessageContaining("verification failed");
        assertThatThrownBy(() -> client.changes(ops).runSyncJob("nope").plan()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRemotesPasswordReachesTheServerButNoPlanJournalOrError() {
        Applied<RemoteRequest> applied = client.changes(ops).remote(r -> r.name("offsite").host("pbs2.example.org").authId("sync@pbs")
                .password(Secret.of(PASSWORD)).fingerprint(FP)).apply();

        assertThat(pbs.config("remote", "offsite").orElseThrow()).containsEntry("password", PASSWORD).containsEntry("host", "pbs2.example.org");
        assertThat(applied.plan().render()).doesNotContain(PASSWORD).contains("password=");
        assertThat(applied.plan().toJson()).doesNotContain(PASSWORD);
        assertThat(ops.store().list("")).isNotEmpty().allSatisfy(e -> assertThat(new String(e.value().value(),
                java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(PASSWORD));
        assertThat(RemoteRequest.builder().name("x").host("h").authId("a@pam").password(Secret.of(PASSWORD)).build().toString())
                .doesNotContain(PASSWORD);
        // An existing remote keeps its password: it cannot be compared, so it is not sent again.
        assertThat(client.changes(ops).remote(r -> r.name("offsite").host("pbs2.example.org").authId("sync@pbs")
                .password(Secret.of("other")).fingerprint(FP)).plan().isEmpty()).isTrue();
    }

    @Test
    void aSyncJobNeedsItsRemoteAndARemoteInUseCannotBeRemoved() {
        pbs.datastore("store1").namespace("mirror");
        SyncJobRequest job = SyncJobRequest.builder().id("pull").store("store1").ns(Namespace.of("mirror")).remote("offsite")
                .remoteStore("main").schedule("hourly").removeVanished(true).groupFilter(List.of("type:vm", "exclude:group:vm/999")).build();

        assertThatThrownBy(() -> client.changes(ops).syncJob(job).plan()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("remote offsite");
        client.changes(ops).remote(r -> r.name("offsite").host("10.0.0.2").authId("sync@pbs!job").password(Secret.of(PASSWORD))).apply();
        Applied<SyncJobRequest> applied = client.changes(ops).syncJob(job).apply();
        assertThat(pbs.config("sync", "pull").orElseThrow()).containsEntry("group-filter", List.of("type:vm", "exclude:group:vm/999"));
        // No PBS answers at 10.0.0.2 (SyncJobPullTest pulls from a second fake).
        assertThatThrownBy(() -> client.changes(ops).runSyncJob("pull").apply()).isInstanceOf(ProxmoxTaskFailedException.class)
                .hasMessageContaining("unable to connect to remote 'offsite'");

        assertThatThrownBy(() -> client.changes(ops).removeRemote("offsite").apply()).hasMessageContaining("used by sync job 'pull'");
        applied.rollback();
        var removal = client.changes(ops).removeRemote("offsite");
        assertThat(removal.plan().steps()).singleElement().satisfies(s -> assertThat(s.undo()).isEmpty());
        assertThat(removal.plan().render()).contains("password cannot be read back");
        removal.apply();
        assertThat(pbs.config("remote", "offsite")).isEmpty();
    }

    @Test
    void trafficControlRulesAreCreatedUpdatedAndRolledBack() {
        Applied<TrafficControlRequest> created = client.changes(ops).trafficControl(t -> t.name("office").addNetwork("192.168.0.0/16")
                .rateIn("10 MiB").rateOut("5 MiB").addTimeframe("mon..fri 8:00-18:00")).apply();
        assertThat(pbs.config("traffic-control", "office").orElseThrow()).containsEntry("network", List.of("192.168.0.0/16"));

        Applied<TrafficControlRequest> updated = client.changes(ops).trafficControl(t -> t.name("office")
                .network(List.of("192.168.0.0/16", "10.0.0.0/8")).rateIn("20 MiB")).apply();
        assertThat(pbs.config("traffic-control", "office").orElseThrow()).containsEntry("rate-in", "20 MiB").doesNotContainKey("rate-out")
                .containsEntry("network", List.of("192.168.0.0/16", "10.0.0.0/8"));

        updated.rollback();
        assertThat(pbs.config("traffic-control", "office").orElseThrow()).containsEntry("rate-out", "5 MiB")
                .containsEntry("network", List.of("192.168.0.0/16")).containsEntry("timeframe", List.of("mon..fri 8:00-18:00"));
        created.rollback();
        assertThat(pbs.config("traffic-control", "office")).isEmpty();
    }

    @Test
    void badJobSettingsAreRefusedWithEveryFieldNamedAndAnUnknownDatastoreIsNotFound() {
        assertThatThrownBy(() -> PruneJobRequest.builder().id("x1").store("store1").schedule("daily").keepLast(0).keepDaily(-1).maxDepth(9)
                .build()).isInstanceOf(ValidationException.class).hasMessageContaining("keep-last").hasMessageContaining("keep-daily")
                .hasMessageContaining("max-depth");
        assertThatThrownBy(() -> client.changes(ops).pruneJob(daily()).plan()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("datastore store1");
        assertThatThrownBy(() -> TrafficControlRequest.builder().name("t").rateIn("fast").build()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("network").hasMessageContaining("rate");
        assertThat(pbs.calls()).noneMatch(c -> !c.startsWith("GET"));
    }

    @Test
    void aSyncRunThatTheFakeFailsThrowsWithItsExitStatus() {
        pbs.datastore("store1");
        pbs.datastore("store2");
        client.changes(ops).syncJob(j -> j.id("local").store("store1").remoteStore("store2")).apply();
        pbs.failTasks("syncjob", "connection refused");

        assertThatThrownBy(() -> client.changes(ops).runSyncJob("local").apply()).isInstanceOf(ProxmoxTaskFailedException.class)
                .hasMessageContaining("connection refused");
        assertThatThrownBy(() -> SyncJobRequest.builder().id("self").store("store1").remoteStore("store1").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("into itself");
    }

    @Test
    void jobsRemotesAndRulesAreReadBackAsTheValuesThatMadeThem() {
        pbs.datastore("store1").namespace("mirror");
        PruneJobRequest prune = daily().toBuilder().ns(Namespace.of("mirror")).maxDepth(2).comment("nightly").build();
        client.changes(ops).pruneJob(prune).apply();
        client.changes(ops).remote(r -> r.name("offsite").host("10.0.0.2").port(8008).authId("sync@pbs").password(Secret.of(PASSWORD))
                .fingerprint(FP)).apply();
        SyncJobRequest sync = SyncJobRequest.builder().id("pull").store("store1").remote("offsite").remoteStore("main")
                .removeVanished(true).groupFilter(List.of("type:vm")).transferLast(2).build();
        client.changes(ops).syncJob(sync).apply();
        TrafficControlRequest rule = TrafficControlRequest.builder().name("office").addNetwork("10.0.0.0/8").rateIn("10 MiB").build();
        client.changes(ops).trafficControl(rule).apply();

        PbsConfiguration config = client.configuration();
        assertThat(config.pruneJobs()).containsExactly(prune);
        assertThat(config.syncJobs()).containsExactly(sync);
        assertThat(config.trafficControls()).containsExactly(rule);
        assertThat(config.verifyJobs()).isEmpty();
        assertThat(config.remotes()).containsExactly(new PbsConfiguration.RemoteInfo("offsite", "10.0.0.2", 8008, "sync@pbs", FP));
        // What was read goes back unchanged: no step.
        assertThat(client.changes(ops).pruneJob(config.pruneJobs().get(0)).plan().isEmpty()).isTrue();
    }
}
