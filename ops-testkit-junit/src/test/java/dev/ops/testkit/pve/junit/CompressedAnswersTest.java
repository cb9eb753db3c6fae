package dev.ops.testkit.pve.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.pve.PveClient;
import dev.ops.pve.cluster.ResourceType;
import dev.ops.pve.guest.GuestType;
import dev.ops.testkit.pve.PveFakeServer;
import dev.ops.testkit.pve.RecordedCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The ops client reads the gzipped answers the fake sends over 1 KiB, as pveproxy does. */
@EnablePveFake
@Timeout(30)
class CompressedAnswersTest {

    @PveSeed
    static void twentyVms(PveFakeServer.Builder b) {
        for (int vmid = 100; vmid < 120; vmid++) {
            b.vm(vmid, "pve-01");
        }
    }

    @Test
    void theOpsClientReadsTheAnswersOfACompressingServer(PveClient client, PveFakeServer pve) {
        assertThat(client.cluster().resources(ResourceType.VM)).hasSize(20)
                .allSatisfy(r -> assertThat(r.guestType()).contains(GuestType.QEMU));
        RecordedCall call = pve.requests().get(pve.requests().size() - 1);
        assertThat(call.path()).isEqualTo("/cluster/resources");
    }
}
