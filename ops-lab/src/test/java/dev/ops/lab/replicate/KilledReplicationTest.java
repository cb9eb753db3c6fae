package dev.ops.lab.replicate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.journal.RecoveryReport;
import dev.ops.core.policy.Approver;
import dev.ops.core.secret.Secret;
import dev.ops.core.store.FileStateStore;
import dev.ops.core.testing.JavaProcess;
import dev.ops.lab.Lab;
import dev.ops.lab.catalog.Catalog;
import dev.ops.lab.policy.SitePolicy;
import dev.ops.lab.site.Site;
import dev.ops.lab.testing.Sites;
import dev.ops.pve.PveClient;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A controller killed with SIGKILL in the middle of a replication to three nodes, recovered by a
 * fresh JVM from the file store, leaves no guest, allocation or catalog record behind.
 */
@Timeout(120)
class KilledReplicationTest {

    @Test
    void aKilledReplicationIsRolledBackByAFreshProcess(@TempDir Path dir) throws Exception {
        Path siteDir = Sites.copy(Files.createDirectories(dir.resolve("site")));
        Sites.edit(siteDir, "nodes.yml", "    pve3:", "    pve4:\n      subnet: 10.10.4.0/24\n      gateway: 10.10.4.1\n"
                + "      vms: 10.10.4.100-10.10.4.199\n    pve3:");
        try (PveFakeServer pve = Fakes.cluster().node("pve3").node("pve4").vm(9000, "pve1", vm -> vm.name("debian-12").template())
                .taskDuration(Duration.ofSeconds(2)).start()) {
            Path store = dir.resolve("store");
            Process child = JavaProcess.start(Controller.class, pve.baseUri().toString(), pve.fingerprint(), store.toString(), siteDir.toString());
            // Wait until the first replica is made and recorded, with the others still to come: then kill.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && pve.requests().stream().filter(c -> c.method().equals("POST") && c.path().endsWith("/clone")).count() < 2) {
                Thread.sleep(20);
            }
            assertThat(child.isAlive()).as("the controller is still replicating").isTrue();
            child.destroyForcibly(); // SIGKILL
            child.waitFor(10, TimeUnit.SECONDS);
            assertThat(pve.guest(9000)).isPresent();

            Site site = Site.load(siteDir);
            try (FileStateStore s = FileStateStore.open(store)) {
                Ops fresh = Ops.builder().store(s).build();
                Lab lab = Lab.builder().site(site).client(client(pve.baseUri().toString(), pve.fingerprint())).build();
                RecoveryReport report = fresh.journal().recover(lab.client().targets(fresh));

                assertThat(report.failed()).isEmpty();
                assertThat(report.rolledBack()).hasSize(1);
                Catalog catalog = lab.catalog(fresh);
                assertThat(catalog.resources()).isEmpty();
                for (String node : site.nodeNames()) {
                    assertThat(catalog.addresses(node)).as("addresses on %s", node).isEmpty();
                }
                assertThat(catalog.tasks()).singleElement().satisfies(t -> assertThat(t.status()).isEqualTo("rolled-back"));
            }
            // Only the template is left (an interrupted clone's task may still end: wait for the fake's tasks to settle).
            Thread.sleep(2500);
            assertThat(pve.requests().stream().filter(c -> c.method().equals("POST") && c.path().endsWith("/clone")).count()).isGreaterThanOrEqualTo(2);
            for (int vmid = 100; vmid < 120; vmid++) {
                assertThat(pve.hasGuest(vmid)).as("guest %d", vmid).isFalse();
            }
        }
    }

    private static PveClient client(String url, String fingerprint) {
        return PveClient.builder().baseUrl(url).name("lab").pinnedCertificate(fingerprint)
                .apiToken(Fakes.TOKEN_USER, Fakes.TOKEN_ID, Secret.of(Fakes.TOKEN_SECRET)).build();
    }

    /** The controller that is killed: replicates the template to pve2, pve3 and pve4 on the file store. */
    public static final class Controller {
        private Controller() {}

        /** Arguments: base URL, fingerprint, store directory, site directory. */
        public static void main(String[] args) throws Exception {
            Site site = Site.load(Path.of(args[3]));
            try (FileStateStore store = FileStateStore.open(Path.of(args[2]))) {
                Ops ops = Ops.builder().store(store).policy(SitePolicy.of(site, plan -> Approver.Decision.approve())).build();
                Lab lab = Lab.builder().site(site).client(client(args[0], args[1])).build();
                lab.replication(ops).replicate(r -> r.vmid(9000)).apply();
            }
        }
    }
}
