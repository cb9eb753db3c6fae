package dev.ops.pve.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.error.ValidationException;
import dev.ops.core.secret.Secret;
import dev.ops.pve.PveClient;
import dev.ops.pve.testing.MiniPve;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PreflightTest {
    private final MiniPve pve = MiniPve.start();
    private final PveClient client = pve.client();

    @AfterEach
    void stop() {
        assertThat(pve.schemaProblems()).isEmpty();
        pve.close();
    }

    @Test
    void reportsEveryProblemAtOnceAndChangesNothing() {
        pve.addGuest("pve1", "qemu", 9000, "tmpl");
        pve.permissions.put("/vms/9000", Set.of("VM.Audit"));
        var plan = client.changes(Ops.inMemory()).clone(client.node("pve1").qemu().vm(9000), c -> c.newId(150).name("web-1")
                .targetNode("pve3").targetStorage("local-lvm")).plan();
        PreflightReport r = client.preflight().plan(plan).storage("pve1", "local-lvm", "images").storage("pve1", "nfs-backup").run();
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).extracting(PreflightReport.Problem::subject).contains("node pve3", "storage nfs-backup on pve1",
                "privilege VM.Clone on /vms/9000", "privilege VM.Allocate on /vms/150", "privilege Datastore.AllocateSpace on /storage/local-lvm");
        assertThat(r.passed()).contains("node pve1 online", "storage local-lvm on pve1 usable");
        assertThat(pve.requests.stream().filter(q -> !q.method().equals("GET"))).isEmpty();
        assertThatThrownBy(r::orThrow).isInstanceOf(ValidationException.class).hasMessageContaining("node pve3");
    }

    @Test
    void passesWhenEverythingIsThere() {
        pve.addGuest("pve1", "qemu", 101, "web");
        pve.permissions.put("/vms/101", Set.of("VM.PowerMgmt"));
        var plan = client.changes(Ops.inMemory()).start(client.node("pve1").qemu().vm(101)).plan();
        PreflightReport r = client.preflight().plan(plan).run();
        assertThat(r.problems()).isEmpty();
        assertThat(r.passed()).contains("privilege VM.PowerMgmt on /vms/101");
    }

    @Test
    void aPrivilegeWithAlternativesPassesOnAnyOfThem() {
        pve.permissions.put("/storage/local", Set.of("Datastore.AllocateTemplate", "Datastore.Allocate")); // download, and its undo
        pve.permissions.put("/nodes/pve1", Set.of("Sys.AccessNetwork"));
        var storage = client.node("pve1").storage("local");
        var plan = client.changes(Ops.inMemory()).downloadUrl(storage, dev.ops.pve.storage.DownloadUrlRequest.builder()
                .url("https://example.org/debian.iso").fileName("debian.iso").content("iso").build()).plan();

        PreflightReport r = client.preflight().plan(plan).run();

        assertThat(r.problems()).isEmpty();
        assertThat(r.passed()).contains("privilege Datastore.AllocateTemplate on /storage/local",
                "privilege ([Sys.Audit, Sys.Modify] on / or Sys.AccessNetwork on /nodes/pve1)");
    }

    @Test
    void unmetAlternativesAreOneProblemNamingEach() {
        pve.permissions.put("/storage/local", Set.of("Datastore.AllocateTemplate", "Datastore.Allocate")); // download, and its undo
        var storage = client.node("pve1").storage("local");
        var plan = client.changes(Ops.inMemory()).downloadUrl(storage, dev.ops.pve.storage.DownloadUrlRequest.builder()
                .url("https://example.org/debian.iso").fileName("debian.iso").content("iso").build()).plan();

        assertThat(client.preflight().plan(plan).run().problems()).singleElement()
                .satisfies(p -> assertThat(p.subject()).isEqualTo("privilege ([Sys.Audit, Sys.Modify] on / or Sys.AccessNetwork on /nodes/pve1)"));
    }

    @Test
    void badCredentialsAreOneProblemNamedAsSuch() {
        PveClient wrong = pve.clientBuilder().apiToken("root@pam", "ops", Secret.of("not-the-token-secret")).build();
        PreflightReport r = wrong.preflight().node("pve1").run();
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.subject()).isEqualTo("credentials"));
    }

    @Test
    void anUnreachableServerIsReportedAsSuch() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PveClient c = pve.clientBuilder().baseUrl("https://127.0.0.1:" + port).retryPolicy(dev.ops.pve.RetryPolicy.none()).build();
        assertThat(c.preflight().run().problems()).singleElement().satisfies(p -> assertThat(p.subject()).isEqualTo("reachability"));
    }
}
