package dev.ops.testkit.pve.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.pve.PveClient;
import dev.ops.proxmox.RetryPolicy;
import dev.ops.testkit.pve.PveAnswer;
import dev.ops.testkit.pve.PveFakeServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link PveFake} outside JUnit (as a main method or jbang script uses it) and {@link PveFakeServer#reset()}. */
@Timeout(30)
class ResetAndNewClientTest {

    @Test
    void aFakeStartedByHandServesTheClientsItMakes() {
        try (PveFake pve = PveFake.start(b -> b.node("pve-01").vm(9000, "pve-01", vm -> vm.name("tmpl")).taskDuration(Duration.ZERO));
                PveClient client = pve.newClient(b -> b.retryPolicy(RetryPolicy.none()))) {
            client.guests(Ops.inMemory()).clone(client.node("pve-01").qemu().vm(9000), c -> c.newId(150).name("web")).apply();
            assertThat(pve.server().guest(150)).hasValueSatisfying(g -> assertThat(g.config()).containsEntry("name", "web"));
            assertThat(pve.server().requests()).allSatisfy(r -> assertThat(r.principal()).isEqualTo("root@pam!ops-test"));
        }
    }

    @Test
    void aServerOfOnesOwnIsWrappedWithItsFirstToken() {
        try (PveFakeServer server = PveFakeServer.builder().node("pve-01").token("root@pam", "mine", "s3cret").start();
                PveClient client = PveFake.of(server).newClient()) {
            assertThat(client.version().version()).isNotEmpty();
            assertThat(server.requests().get(0).principal()).isEqualTo("root@pam!mine");
        }
    }

    @Test
    void resetGoesBackToTheSeededCluster() {
        try (PveFake pve = PveFake.start(b -> b.node("pve-01").vm(101, "pve-01", vm -> vm.set("cores", "2")).taskDuration(Duration.ZERO));
                PveClient client = pve.newClient()) {
            PveFakeServer server = pve.server();
            var guests = client.guests(Ops.inMemory());
            guests.updateConfig(client.node("pve-01").qemu().vm(101), u -> u.cores(4)).apply();
            guests.start(client.node("pve-01").qemu().vm(101)).apply();
            server.seed(b -> b.vm(102, "pve-01").node("pve-02"));
            server.answerNext("GET", "/version", PveAnswer.error(500, "scripted"));
            server.failNextTask("scripted failure");

            pve.reset();

            assertThat(server.guest(101).orElseThrow()).satisfies(g -> {
                assertThat(g.config()).containsEntry("cores", "2");
                assertThat(g.running()).isFalse();
            });
            assertThat(server.hasGuest(102)).isFalse();
            assertThat(server.requests()).isEmpty();
            assertThat(client.nodes()).extracting(n -> n.node()).containsExactly("pve-01");
            assertThat(client.version().version()).as("the scripted answer is gone").isNotEmpty();
            assertThat(guests.start(client.node("pve-01").qemu().vm(101)).apply().value().running())
                    .as("the planned task failure is gone").isTrue();
        }
    }
}
