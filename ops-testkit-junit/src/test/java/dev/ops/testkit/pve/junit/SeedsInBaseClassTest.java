package dev.ops.testkit.pve.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.testkit.pve.PveFakeServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link PveSeed} methods of a base class are found and run before the subclass's; the annotation itself is inherited. */
@Timeout(30)
class SeedsInBaseClassTest extends SeededBase {

    @PveSeed
    static void ownSeed(PveFakeServer.Builder b) {
        SeededBase.ORDER.append("own,");
        b.vm(101, "pve-02");
    }

    @Test
    void theBaseClassSeedRanFirstAndBothSeeded(PveFakeServer server) {
        assertThat(server.guestNode(9000)).contains("pve-01");
        assertThat(server.guestNode(101)).contains("pve-02");
        assertThat(SeededBase.ORDER).hasToString("base,own,");
    }
}
