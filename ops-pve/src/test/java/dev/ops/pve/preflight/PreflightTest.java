package dev.ops.pve.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.error.ValidationException;
import dev.ops.core.secret.Secret;
import dev.ops.pve.PveClient;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.AclSpec;
import dev.ops.testkit.pve.PveFakeServer;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PreflightTest {
    private final PveFakeServer pve = Fakes.cluster().vm(9000, "pve1", vm -> vm.name("tmpl")).vm(101, "pve1", vm -> vm.name("web"))
            .token("ops@pve", "plan", "plan-secret", PreflightTest::reader).start();
    /** A token that reads everything and may do nothing else, unless a test grants more. */
    private PveClient client = limited(acl -> { });

    @AfterEach
    void stop() {
        pve.close(); // strict: fails on any request the real API would refuse
    }

    private static void reader(AclSpec acl) {
        acl.grant("/", "PVEAuditor");
    }

    /** A client whose token reads everything and holds exactly the privileges {@code grants} adds. */
    private PveClient limited(java.util.function.Consumer<AclSpec> grants) {
        String name = "t" + pve.tokens().size();
        pve.seed(b -> b.token("ops@pve", name, "secret-" + name, acl -> {
            reader(acl);
            grants.accept(acl);
        }));
        return Fakes.clientBuilder(pve).apiToken("ops@pve", name, Secret.of("secret-" + name)).build();
    }

    @Test
    void reportsEveryProblemAtOnceAndChangesNothing() {
        // As a cluster answers for a node it knows but cannot reach (the fake answers an unknown name as pveproxy does: 500).
        pve.answerNext("GET", "/nodes/pve3/qemu/150/config", dev.ops.testkit.pve.PveAnswer.error(595, "no such cluster node 'pve3'"));
        var plan = client.changes(Ops.inMemory()).clone(client.node("pve1").qemu().vm(9000), c -> c.newId(150).name("web-1")
                .targetNode("pve3").targetStorage("local-lvm")).plan();
        PreflightReport r = client.preflight().plan(plan).storage("pve1", "local-lvm", "images").storage("pve1", "nfs-backup").run();
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).extracting(PreflightReport.Problem::subject).contains("node pve3", "storage nfs-backup on pve1",
                "privilege VM.Clone on /vms/9000", "privilege VM.Allocate on /vms/150", "privilege Datastore.AllocateSpace on /storage/local-lvm");
        assertThat(r.passed()).contains("node pve1 online", "storage local-lvm on pve1 usable");
        assertThat(pve.requests().stream().filter(q -> !q.method().equals("GET"))).isEmpty();
        assertThatThrownBy(r::orThrow).isInstanceOf(ValidationException.class).hasMessageContaining("node pve3");
    }

    @Test
    void aPasswordLoginDecidesFromItsCapabilitiesWhatIsHeldNowhereWithoutAskingAgain() {
        pve.seed(b -> b.user("alice@pve", "alice-pw", acl -> acl.grant("/", "PVEAuditor").grantExact("/vms/101", "VM.Clone")));
        PveClient alice = Fakes.clientBuilder(pve).login("alice@pve", Secret.of("alice-pw")).build();
        var plan = alice.changes(Ops.inMemory()).clone(alice.node("pve1").qemu().vm(9000), c -> c.newId(150).name("web-1")
                .targetStorage("local-lvm")).plan();

        PreflightReport r = alice.preflight().plan(plan).run();

        // VM.Clone is held somewhere (on 101), so /vms/9000 is asked; VM.Allocate and Datastore.AllocateSpace are held nowhere.
        assertThat(r.problems()).extracting(PreflightReport.Problem::subject)
                .contains("privilege VM.Clone on /vms/9000", "privilege VM.Allocate on /vms/150", "privilege Datastore.AllocateSpace on /storage/local-lvm");
        assertThat(alice.login()).get().satisfies(l -> assertThat(l.has("vms", "VM.Clone")).isTrue());
        var asked = pve.requests().stream().filter(q -> q.path().equals("/access/permissions")).map(q -> q.param("path").orElse("")).toList();
        assertThat(asked).contains("/vms/9000").doesNotContain("/vms/150", "/storage/local-lvm");
        assertThat(r.passed()).contains("privileges on /vms/150 decided by the login's capabilities, without asking");
    }

    @Test
    void anApiTokenHasNoCapabilitiesSoEveryPathIsAsked() {
        var plan = client.changes(Ops.inMemory()).clone(client.node("pve1").qemu().vm(9000), c -> c.newId(150).name("web-1")).plan();
        client.preflight().plan(plan).run();
        var asked = pve.requests().stream().filter(q -> q.path().equals("/access/permissions")).map(q -> q.param("path").orElse("")).toList();
        assertThat(asked).contains("/vms/9000", "/vms/150");
    }

    @Test
    void passesWhenEverythingIsThere() {
        client = limited(acl -> acl.grantExact("/vms/101", "VM.PowerMgmt"));
        var plan = client.changes(Ops.inMemory()).start(client.node("pve1").qemu().vm(101)).plan();
        PreflightReport r = client.preflight().plan(plan).run();
        assertThat(r.problems()).isEmpty();
        assertThat(r.passed()).contains("privilege VM.PowerMgmt on /vms/101");
    }

    @Test
    void aPrivilegeWithAlternativesPassesOnAnyOfThem() {
        client = limited(acl -> acl.grantExact("/storage/local", "Datastore.AllocateTemplate", "Datastore.Allocate") // download, and its undo
                .grantExact("/nodes/pve1", "Sys.AccessNetwork"));
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
        client = limited(acl -> acl.grantExact("/storage/local", "Datastore.AllocateTemplate", "Datastore.Allocate")); // download, and its undo
        var storage = client.node("pve1").storage("local");
        var plan = client.changes(Ops.inMemory()).downloadUrl(storage, dev.ops.pve.storage.DownloadUrlRequest.builder()
                .url("https://example.org/debian.iso").fileName("debian.iso").content("iso").build()).plan();

        assertThat(client.preflight().plan(plan).run().problems()).singleElement()
                .satisfies(p -> assertThat(p.subject()).isEqualTo("privilege ([Sys.Audit, Sys.Modify] on / or Sys.AccessNetwork on /nodes/pve1)"));
    }

    @Test
    void badCredentialsAreOneProblemNamedAsSuch() {
        PveClient wrong = Fakes.clientBuilder(pve).apiToken("root@pam", "ops", Secret.of("not-the-token-secret")).build();
        PreflightReport r = wrong.preflight().node("pve1").run();
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.subject()).isEqualTo("credentials"));
    }

    @Test
    void anUnreachableServerIsReportedAsSuch() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PveClient c = Fakes.clientBuilder(pve).baseUrl("https://127.0.0.1:" + port).retryPolicy(dev.ops.proxmox.RetryPolicy.none()).build();
        assertThat(c.preflight().run().problems()).singleElement().satisfies(p -> assertThat(p.subject()).isEqualTo("reachability"));
    }
}
