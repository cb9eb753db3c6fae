package dev.ops.testkit.pve.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.pve.PveClient;
import dev.ops.testkit.pve.PveFakeServer;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An instance field gets a fresh server for each test, and that test's parameters get the same one. */
@EnablePveFake
@Timeout(30)
class InstanceFieldsTest {
    private static final Set<PveFakeServer> SEEN = Collections.newSetFromMap(new IdentityHashMap<>());
    PveFakeServer server;
    PveClient client;

    @PveSeed
    static void seed(PveFakeServer.Builder b) {
        b.vm(101, "pve-01");
    }

    @AfterAll
    static void eachTestHadItsOwnServer() {
        assertThat(SEEN).hasSize(2);
    }

    @Test
    void oneTestChangesItsCluster(PveFakeServer param, PveClient clientParam) {
        SEEN.add(server);
        assertThat(param).isSameAs(server);
        assertThat(clientParam).isSameAs(client);
        server.seed(b -> b.vm(500, "pve-01")); // throws when VMID 500 is taken: it is not, the server is fresh
        client.guests(dev.ops.core.Ops.inMemory()).updateConfig(client.node("pve-01").qemu().vm(101), u -> u.cores(8)).apply();
        assertThat(server.guest(101).orElseThrow().config()).containsEntry("cores", "8");
    }

    @Test
    void anotherSeesNoneOfIt() {
        SEEN.add(server);
        server.seed(b -> b.vm(500, "pve-01"));
        assertThat(server.guest(101).orElseThrow().config()).containsEntry("cores", "2");
        assertThat(server.requests()).isEmpty();
    }
}
