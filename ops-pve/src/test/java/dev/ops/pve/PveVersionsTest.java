package dev.ops.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.proxmox.error.ProxmoxNotFoundException;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake plays PVE 8 or 9 with the matching schema, and the client reads both. */
@Timeout(30)
class PveVersionsTest {

    @Test
    void aPve8FakeAnswersAsPve84AndRefusesWhatOnlyPve9Has() {
        try (PveFakeServer pve8 = Fakes.cluster().pveVersion(8).strict(false).vm(101, "pve1").start()) {
            PveClient client = Fakes.client(pve8);

            assertThat(client.version().major()).isEqualTo(8);
            assertThat(client.node("pve1").version().version()).startsWith("8.4");
            assertThat(client.node("pve1").qemu().vm(101).status().running()).isFalse();
            assertThatThrownBy(() -> client.api().get("/cluster/ha/rules", Map.of())).isInstanceOf(ProxmoxNotFoundException.class);
        }
    }

    @Test
    void aPve9FakeServesHaRules() {
        try (PveFakeServer pve9 = Fakes.cluster().start()) {
            PveClient client = Fakes.client(pve9);

            assertThat(client.version().major()).isEqualTo(9);
            assertThat(client.api().get("/cluster/ha/rules", Map.of()).isArray()).isTrue();
        }
    }
}
