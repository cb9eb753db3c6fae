package dev.ops.pbs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.change.Plan;
import dev.ops.core.retention.RetentionPolicy;
import dev.ops.core.secret.Secret;
import dev.ops.pve.PveClient;
import dev.ops.pve.backup.PveBackups;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestType;
import dev.ops.testkit.pbs.PbsFakeServer;
import dev.ops.testkit.pve.PveFakeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** docs/pbs.md quotes this class's tagged regions word for word, and each of them runs here against the fakes. */
@Timeout(60)
class DocsExamplesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String PVE_TOKEN = "5b6f0c5e-3c1d-4a53-9d43-0c3f0b2f7a11";

    @Test
    void theDocQuotesTheExamplesWordForWord() throws Exception {
        String source = Files.readString(ROOT.resolve("ops-pbs/src/test/java/dev/ops/pbs/DocsExamplesTest.java"));
        String doc = Files.readString(ROOT.resolve("docs/pbs.md"));
        for (String tag : List.of("jobs", "namespace", "backup")) {
            String start = "// tag::" + tag + "[]\n";
            String region = source.substring(source.indexOf(start) + start.length(), source.indexOf("// end::" + tag + "[]"));
            assertThat(doc).as(tag).contains(region.replaceAll("(?m)^ {12}", "").stripTrailing());
        }
    }

    @Test
    void jobsAndVerification() {
        try (PbsFakeServer fake = PbsFakeServer.start(); PbsClient pbs = PbsFixture.client(fake)) {
            fake.datastore("store1").snapshot("", "vm/100/2026-01-02T03:04:05Z");
            Ops ops = Ops.inMemory();
            // tag::jobs[]
            var job = pbs.changes(ops).pruneJob(j -> j.id("nightly").store("store1").schedule("daily")
                    .keepLast(3).keepDaily(7).keepWeekly(4));
            System.out.println(job.plan().render());     // POST /config/prune id=nightly ...
            var created = job.apply();                    // rollback deletes the job again
            pbs.changes(ops).runPruneJob("nightly").apply();  // awaits the job's task
            List<Snapshot> checked = pbs.changes(ops)
                    .verify("store1", Namespace.root(), VerifyScope.datastore().skipVerified()).apply().value();
            created.rollback();
            // end::jobs[]
            assertThat(checked).singleElement().satisfies(s -> assertThat(s.verification()).hasValue("ok"));
            assertThat(fake.config("prune", "nightly")).isEmpty();
        }
    }

    @Test
    void namespaceDeletion() {
        try (PbsFakeServer fake = PbsFakeServer.start(); PbsClient pbs = PbsFixture.client(fake)) {
            fake.datastore("store1").namespace("old/a").snapshot("old", "ct/200/2026-01-02T03:04:05Z");
            Ops ops = Ops.inMemory();
            // tag::namespace[]
            Plan plan = pbs.changes(ops).deleteNamespace("store1", Namespace.of("old")).plan();
            // "... holds child namespaces [old/a], 1 group(s) with 1 snapshot(s): {ct/200=1} ..."
            System.out.println(plan.render());
            // end::namespace[]
            assertThat(plan.render()).contains("child namespaces [old/a]").contains("{ct/200=1}");
        }
    }

    @Test
    void backupFromPve() {
        try (PbsFakeServer fake = PbsFakeServer.start(); PbsClient pbs = PbsFixture.client(fake);
                PveFakeServer pveFake = PveFakeServer.builder().node("pve1").token("root@pam", "ops", PVE_TOKEN).vm(100, "pve1")
                        .taskDuration(Duration.ofMillis(20)).start();
                PveClient pve = PveClient.builder().baseUrl(pveFake.baseUri().toString()).pinnedCertificate(pveFake.fingerprint())
                        .apiToken("root@pam", "ops", Secret.of(PVE_TOKEN)).build()) {
            fake.datastore("store1").namespace("pve");
            Ops ops = Ops.inMemory();
            String host = "127.0.0.1";
            int port = dev.ops.core.text.AsciiNumbers.parseInt(fake.baseUrl().replaceAll(".*:", ""));
            String fingerprint = fake.fingerprint();
            Secret secret = Secret.of(fake.tokenSecret());
            // tag::backup[]
            PveBackups.on(pve, ops).pbsStorage(s -> s.storage("pbs").server(host).port(port).datastore("store1")
                    .namespace("pve").username("root@pam!ops").password(secret).fingerprint(fingerprint)).apply();
            Guest vm = pve.node("pve1").guest(GuestType.QEMU, 100);
            Snapshot made = pbs.changes(ops).backupGuest(pve, vm, b -> b.pveStorage("pbs").store("store1")
                    .ns(Namespace.of("pve")).mode("snapshot")
                    .retention(RetentionPolicy.builder().zone("UTC").keepLast(7).build())).apply().value();
            pve.changes(ops).restore(pve.node("pve1"), GuestType.QEMU,
                    r -> r.archive(made.ref().volumeOn("pbs")).vmid(900)).apply();
            // end::backup[]
            assertThat(made.verification()).hasValue("ok");
            assertThat(pveFake.guest(900)).isPresent();
        }
    }
}
