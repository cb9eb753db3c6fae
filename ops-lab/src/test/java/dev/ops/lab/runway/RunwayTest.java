package dev.ops.lab.runway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.error.ConnectionException;
import dev.ops.lab.site.Site;
import dev.ops.lab.testing.FakeSites;
import dev.ops.lab.testing.LabFakes;
import dev.ops.lab.testing.Sites;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.host.ScriptedHost;
import dev.ops.testkit.pve.PveFakeServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The L0 runway lists every failing check and changes nothing. */
@Timeout(30)
class RunwayTest {
    private final PveFakeServer pve = LabFakes.cluster()
            .token("ops@pve", "audit", "audit-secret-77", acl -> acl.grant("/", "PVEAuditor")).start();

    @AfterEach
    void stop() {
        pve.close();
    }

    @Test
    void aSiteThatMatchesItsClusterHasAClearRunway(@TempDir Path dir) {
        Site site = Site.load(FakeSites.pointedAt(dir, pve));

        RunwayReport report = Runway.of(site, FakeSites.environment()).run();

        assertThat(report.failures()).isEmpty();
        assertThat(report.render()).contains("node pve3 online").contains("storage local-lvm on pve2 usable").endsWith("runway clear");
        assertThat(pve.requests()).allSatisfy(c -> assertThat(c.method()).isEqualTo("GET"));
    }

    @Test
    void missingSecretsAreListedAndTheClusterIsNotAsked(@TempDir Path dir) {
        Site site = Site.load(FakeSites.pointedAt(dir, pve));

        RunwayReport report = Runway.of(site, Map.of("DOPPLER", "0")).run();

        assertThat(report.failures()).extracting(RunwayCheck::subject).containsExactly("secret PM_TOKEN_ID", "secret PM_TOKEN_SECRET", "cluster");
        assertThat(report.failures().get(0).message()).contains("env, then doppler lab/site1 (off: DOPPLER=0)");
        assertThat(pve.requests()).isEmpty();
    }

    @Test
    void theHostsAreCheckedForTheToolsTheLaterLayersCall(@TempDir Path dir) {
        Site site = Site.load(FakeSites.pointedAt(dir, pve));
        ScriptedHost web = ScriptedHost.named("web").on("sh", "-c").reply("visudo\n");

        RunwayReport report = Runway.of(site, FakeSites.environment()).hosts(h -> web).run();

        assertThat(report.failures()).singleElement().satisfies(c -> assertThat(c.toString()).isEqualTo("FAIL host web tools: missing: visudo"));
        assertThat(web.commandLines()).singleElement().satisfies(c -> assertThat(c).contains("command -v"));
    }

    @Test
    void anUnreachableHostIsAFailedCheck(@TempDir Path dir) {
        Site site = Site.load(FakeSites.pointedAt(dir, pve));

        RunwayReport report = Runway.of(site, FakeSites.environment()).hosts(h -> {
            throw new ConnectionException(h.address() + ":22", "connection refused", null);
        }).run();

        assertThat(report.failures()).extracting(RunwayCheck::subject).containsExactly("host web tools");
        assertThat(report.failures().get(0).message()).contains("connection refused");
    }

    @Test
    void everyFailureIsListedAtOnce(@TempDir Path dir) {
        FakeSites.pointedAt(dir, pve);
        Sites.edit(dir, "nodes.yml", "    pve3:", "    pve4:\n      subnet: 10.10.4.0/24\n    pve3:");
        Sites.edit(dir, "site.yml", "vm: local-lvm", "vm: fast-ssd");
        Map<String, String> env = new java.util.HashMap<>(FakeSites.environment());
        env.put("PM_TOKEN_ID", "ops@pve!audit");
        env.put("PM_TOKEN_SECRET", "audit-secret-77");

        RunwayReport report = Runway.of(Site.load(dir), env).run();

        assertThat(report.failures()).extracting(RunwayCheck::subject)
                .contains("node pve4", "storage fast-ssd on pve1", "storage fast-ssd on pve2", "privilege VM.Clone on /vms");
        assertThat(report.render()).doesNotContain("audit-secret-77");
        assertThat(pve.requests()).allSatisfy(c -> assertThat(c.method()).isEqualTo("GET"));
    }
}
