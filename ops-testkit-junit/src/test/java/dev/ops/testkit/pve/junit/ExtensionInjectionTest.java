package dev.ops.testkit.pve.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.pve.PveClient;
import dev.ops.testkit.pve.PveFakeServer;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What {@link EnablePveFake} injects where: static fields share the class's server, parameters get it too, nested classes share it. */
@EnablePveFake(nodes = {"pve-01", "pve-02"})
@Timeout(30)
class ExtensionInjectionTest {
    static PveFakeServer shared;
    static PveClient sharedClient;
    static PveFake sharedFake;
    private static final Set<PveFakeServer> SEEN = Collections.newSetFromMap(new IdentityHashMap<>());

    @PveSeed
    static void seed(PveFakeServer.Builder b) {
        b.vm(101, "pve-01", vm -> vm.name("web"));
    }

    @AfterAll
    static void everyTestOfTheClassGotTheSameServer() {
        assertThat(SEEN).hasSize(1);
    }

    @Test
    void aStaticFieldGetsTheServerTheParametersGet(PveFakeServer server, PveClient client, PveFake fake) {
        SEEN.add(server);
        assertThat(shared).isSameAs(server).isSameAs(fake.server());
        assertThat(sharedClient).isSameAs(client);
        assertThat(sharedFake).isSameAs(fake);
        assertThat(client.node("pve-01").qemu().vm(101).config().name()).contains("web");
    }

    @Test
    void anotherTestOfTheClassSharesTheServer(PveFakeServer server) {
        SEEN.add(server);
        assertThat(server).isSameAs(shared);
    }

    @Test
    void newClientMakesAnotherWorkingClientOfTheSameServer(PveFake fake) {
        try (PveClient other = fake.newClient()) {
            assertThat(other).isNotSameAs(sharedClient);
            assertThat(other.nodes()).extracting(n -> n.node()).containsExactlyInAnyOrder("pve-01", "pve-02");
        }
    }

    @Nested
    class ANestedClass {
        @Test
        void sharesTheEnclosingClassesServer(PveFakeServer server, PveClient client) {
            assertThat(server).isSameAs(shared);
            assertThat(client).isSameAs(sharedClient);
            assertThat(server.hasGuest(101)).isTrue();
        }

        @Nested
        class TwoLevelsDown {
            @Test
            void stillSharesIt(PveFakeServer server) {
                assertThat(server).isSameAs(shared);
            }
        }
    }

    @Nested
    @EnablePveFake(nodes = "pve-09")
    class ANestedClassWithItsOwnAnnotation {
        @PveSeed
        static void seed(PveFakeServer.Builder b) {
            b.vm(300, "pve-09");
        }

        @Test
        void getsItsOwnServerSeededByItsOwnSeeds(PveFakeServer server, PveClient client) {
            assertThat(server).isNotSameAs(shared);
            assertThat(server.hasGuest(300)).isTrue();
            assertThat(server.hasGuest(101)).isFalse();
            assertThat(client.nodes()).extracting(n -> n.node()).containsExactly("pve-09");
        }
    }
}
