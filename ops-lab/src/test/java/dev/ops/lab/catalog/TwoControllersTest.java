package dev.ops.lab.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.policy.Approver;
import dev.ops.core.secret.Secret;
import dev.ops.core.store.StateStore;
import dev.ops.core.testing.JavaProcess;
import dev.ops.core.testing.PostgresServer;
import dev.ops.core.testing.TestStores;
import dev.ops.lab.Lab;
import dev.ops.lab.policy.SitePolicy;
import dev.ops.lab.site.Site;
import dev.ops.lab.testing.LabFakes;
import dev.ops.lab.testing.Sites;
import dev.ops.pve.PveClient;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two controllers, each its own JVM with its own connection to one PostgreSQL catalog, replicating
 * the same template at once, never hand out the same VMID, address, MAC or name.
 */
@Timeout(180)
class TwoControllersTest {
    private static final int EACH = 3;

    @Test
    void twoJvmsReplicatingAtOnceOnOnePostgresNeverShareAnIdentity(@TempDir Path dir) throws Exception {
        try (PostgresServer pg = PostgresServer.start(); PveFakeServer pve = LabFakes.cluster().start()) {
            String store = TestStores.postgres(pg, "lab_two_controllers");
            List<Process> controllers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                controllers.add(JavaProcess.start(Controller.class, pve.baseUri().toString(), pve.fingerprint(), store,
                        Sites.site1().toString(), Integer.toString(EACH), dir.resolve("out-" + i).toString()));
            }
            for (Process p : controllers) {
                assertThat(JavaProcess.await(p)).isZero();
            }
            Set<String> vmids = new HashSet<>();
            Set<String> names = new HashSet<>();
            Set<String> addresses = new HashSet<>();
            Set<String> macs = new HashSet<>();
            for (int i = 0; i < 2; i++) {
                for (String line : Files.readAllLines(dir.resolve("out-" + i))) {
                    String[] f = line.split(" ");
                    assertThat(vmids.add(f[0])).as("VMID %s twice", f[0]).isTrue();
                    assertThat(names.add(f[1])).as("name %s twice", f[1]).isTrue();
                    assertThat(addresses.add(f[2])).as("address %s twice", f[2]).isTrue();
                    assertThat(macs.add(f[3])).as("MAC %s twice", f[3]).isTrue();
                }
            }
            assertThat(vmids).hasSize(2 * EACH * 2); // two controllers, EACH requests, two target nodes
            try (StateStore s = TestStores.open(store)) {
                Site site = Site.load(Sites.site1());
                assertThat(Catalog.of(site, Ops.builder().store(s).build()).resources()).hasSize(2 * EACH * 2);
            }
        }
    }

    /** One controller: replicates the template N times and writes each replica's identity down. */
    public static final class Controller {
        private Controller() {}

        /** Arguments: base URL, fingerprint, store spec, site directory, count, output file. */
        public static void main(String[] args) throws Exception {
            // The testkit's plan-purity check compares the store before and after each plan; the other
            // controller writes the same store meanwhile, which that check would take for this plan's doing.
            System.setProperty("ops.testkit.planPurity", "false");
            PveClient client = PveClient.builder().baseUrl(args[0]).name("lab").pinnedCertificate(args[1])
                    .apiToken(Fakes.TOKEN_USER, Fakes.TOKEN_ID, Secret.of(Fakes.TOKEN_SECRET)).build();
            Site site = Site.load(Path.of(args[3]));
            List<String> out = new ArrayList<>();
            try (StateStore store = TestStores.open(args[2])) {
                Ops ops = Ops.builder().store(store).policy(SitePolicy.of(site, plan -> Approver.Decision.approve())).build();
                Lab lab = Lab.builder().site(site).client(client).build();
                for (int i = 0; i < Integer.parseInt(args[4]); i++) {
                    var task = lab.replication(ops).replicate(r -> r.vmid(9000)).apply().value();
                    task.targets().forEach(t -> out.add(t.vmid() + " " + t.name() + " " + t.address() + " " + t.mac()));
                }
            }
            Files.write(Path.of(args[5]), out);
        }
    }
}
