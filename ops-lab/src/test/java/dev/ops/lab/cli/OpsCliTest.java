package dev.ops.lab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ops.core.Ops;
import dev.ops.lab.Lab;
import dev.ops.lab.site.Site;
import dev.ops.lab.testing.FakeSites;
import dev.ops.lab.testing.OpsRunner;
import dev.ops.lab.testing.LabFakes;
import dev.ops.lab.testing.Sites;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.Snapshot;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The ops command, run in-process against the fake cluster: outcomes map to exit codes, plans are saved, reviewed and applied. */
@Timeout(60)
class OpsCliTest {
    private final PveFakeServer pve = LabFakes.cluster().start();
    @TempDir
    Path dir;
    private Path site;
    private OpsRunner cli;

    @BeforeEach
    void site() throws Exception {
        site = FakeSites.pointedAt(Files.createDirectories(dir.resolve("site1")), pve);
    }

    @AfterEach
    void stop() {
        pve.close();
    }

    private int ops(Map<String, String> env, String... args) {
        cli = new OpsRunner(site, env);
        return cli.run(args);
    }

    private int ops(String... args) {
        return ops(FakeSites.environment(), args);
    }

    @Test
    void runwayExitsZeroWhenClearAndOneWhenAnyCheckFails() throws Exception {
        assertThat(ops("runway", "--no-hosts")).as("%s", cli.out()).isZero();
        assertThat(cli.out()).contains("runway clear");

        assertThat(ops(Map.of("DOPPLER", "0"), "--json", "runway", "--no-hosts")).isEqualTo(ExitCode.FAILED.code());
        JsonNode report = new ObjectMapper().readTree(cli.out());
        assertThat(report.path("checks").get(3).path("subject").asText()).isEqualTo("secret PM_TOKEN_ID");
    }

    @Test
    void planThenApplyWithApprovalThenStatusThenRollback() throws Exception {
        assertThat(ops("plan", "replicate", "9000", "--out", dir.resolve("p.json").toString())).isZero();
        assertThat(cli.out()).contains("open replication task").contains("needs approval (action-policies.yml): replicate");
        assertThat(pve.requests()).allSatisfy(c -> assertThat(c.method()).isEqualTo("GET"));

        assertThat(ops("apply", dir.resolve("p.json").toString())).isEqualTo(ExitCode.REFUSED.code());
        assertThat(cli.err()).contains("approval_required (action-policies.yml)");

        assertThat(ops("--progress", "apply", dir.resolve("p.json").toString(), "--yes")).isZero();
        assertThat(cli.out()).contains("pve2: done").contains("pve-pve3-tpl-01");
        assertThat(cli.err()).contains("done record replica pve-pve2-tpl-01");
        Matcher id = Pattern.compile("ops rollback (\\S+)").matcher(cli.out());
        assertThat(id.find()).isTrue();

        assertThat(ops("status")).isZero();
        assertThat(cli.out()).contains("done 100%").contains("replica of pve1/9000 (debian-12)");

        assertThat(ops("rollback", id.group(1))).isZero();
        assertThat(ops("status")).isZero();
        assertThat(cli.out()).contains("rolled-back").doesNotContain("replica of");
    }

    @Test
    void retentionOfAGuestsSafetySnapshotsIsPlannedSavedAndAppliedDeletingThoseBeyondKeepLast() {
        Sites.edit(site, "inventory.yml", "keep_daily: 7", "keep_daily: 0"); // one a day would keep all four
        Lab lab = Lab.builder().site(Site.load(site)).client(Fakes.client(pve)).build();
        Guest db = lab.client().node("pve1").lxc().container(200);
        Instant first = Instant.parse("2026-12-01T00:00:00Z");
        Ops elsewhere = Ops.inMemory(); // taken by changes another controller journaled: nothing here holds them
        for (int day = 0; day < 4; day++) {
            lab.safety(elsewhere).before(db, List.of("upgrade"), first.plus(Duration.ofDays(day))).orElseThrow().apply();
        }
        Path saved = dir.resolve("retention.json");

        assertThat(ops("plan", "retention", "200", "--out", saved.toString())).as("%s", cli.err()).isZero();
        assertThat(cli.out()).contains("delete safety snapshot ops_safety_20261201000000").doesNotContain("20261202000000");
        assertThat(ops("apply", saved.toString())).as("%s", cli.err()).isZero();

        assertThat(db.snapshots().list()).extracting(Snapshot::name).filteredOn(n -> n.startsWith("ops_safety_"))
                .containsExactlyInAnyOrder("ops_safety_20261202000000", "ops_safety_20261203000000", "ops_safety_20261204000000");
        assertThat(ops("plan", "retention", "200")).isZero();
        assertThat(cli.out()).contains("retention of 200: no safety snapshot of the guest is past retention; nothing to do");
    }

    @Test
    void aRestoreIsPlannedAndAppliedLikeAReplication() {
        Path plan = dir.resolve("r.json");
        assertThat(ops("plan", "restore", LabFakes.ARCHIVE, "--node", "pve2", "--out", plan.toString())).isZero();
        assertThat(cli.out()).contains("open restore task").contains("needs approval (action-policies.yml): restore_backup");

        assertThat(ops("apply", plan.toString(), "--yes")).isZero();
        assertThat(cli.out()).contains("pve2: done").contains("pve-pve2-vm-01 10.10.2.100/24");
        assertThat(ops("plan", "restore", LabFakes.ARCHIVE)).isEqualTo(ExitCode.INVALID.code());
        assertThat(cli.err()).contains("--node");
    }

    @Test
    void layerTwoIsRefusedBeforeLayerOneThenPlannedAndApplied() {
        assertThat(ops("plan", "l2")).isEqualTo(ExitCode.INVALID.code());
        assertThat(cli.err()).contains("needs layer L1: template debian-12 has no copy on pve2");

        Path replicate = dir.resolve("rep.json");
        assertThat(ops("plan", "replicate", "9000", "--to", "pve2", "--out", replicate.toString())).isZero();
        assertThat(ops("apply", replicate.toString(), "--yes")).isZero();
        Path l2 = dir.resolve("l2.json");
        assertThat(ops("plan", "l2", "--out", l2.toString())).isZero();
        assertThat(ops("apply", l2.toString(), "--yes")).isZero();
        assertThat(cli.out()).contains("layer L2");

        assertThat(ops("plan", "l2")).isZero();
        assertThat(cli.out()).contains("nothing to do");
        assertThat(ops("status")).isZero();
        assertThat(cli.out()).contains("pve-pve1-vm-02 on pve1").contains("pve-pve2-vm-01 on pve2");
    }

    @Test
    void aSavedPlanThatNoLongerMatchesIsStale() throws Exception {
        Path plan = dir.resolve("p.json");
        assertThat(ops("plan", "replicate", "9000", "--out", plan.toString())).isZero();
        Files.writeString(plan, Files.readString(plan).replace("pve2, pve3", "pve3, pve2"));

        assertThat(ops("apply", plan.toString(), "--yes")).isEqualTo(ExitCode.STALE.code());
        assertThat(pve.requests()).allSatisfy(c -> assertThat(c.method()).isEqualTo("GET"));
    }

    @Test
    void aBadSiteIsInvalidAndAMissingGuestIsNotFound() {
        Sites.edit(site, "nodes.yml", "primary: pve1", "primary: pve9");
        assertThat(ops("runway")).isEqualTo(ExitCode.INVALID.code());
        assertThat(cli.err()).contains("nodes.yml:2 cluster.primary");

        Sites.edit(site, "nodes.yml", "primary: pve9", "primary: pve1");
        assertThat(ops("plan", "replicate", "4242")).isEqualTo(ExitCode.NOT_FOUND.code());
        assertThat(ops("frobnicate")).isEqualTo(ExitCode.INVALID.code());
    }

    @Test
    void recoverWithNothingInterruptedChangesNothingAndAnUnknownRollbackIsNotFound() {
        assertThat(ops("recover")).isZero();
        assertThat(cli.out()).startsWith("recovered:");

        int status = ops("rollback", "no-such-apply");
        assertThat(status).as("%s", cli.err()).isEqualTo(ExitCode.NOT_FOUND.code());
        assertThat(pve.requests()).allSatisfy(c -> assertThat(c.method()).isEqualTo("GET"));
    }

    @Test
    void cleanRemovesSavedPlansButKeepsTheStore() {
        assertThat(ops("plan", "replicate", "9000")).isZero();
        assertThat(site.resolve(".ops/plans")).isNotEmptyDirectory();

        assertThat(ops("clean")).isZero();

        assertThat(site.resolve(".ops/plans")).doesNotExist();
        assertThat(site.resolve(".ops/store")).exists();
    }
}
