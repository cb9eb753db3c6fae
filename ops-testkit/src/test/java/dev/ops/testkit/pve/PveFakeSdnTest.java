package dev.ops.testkit.pve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SDN acts as PVE's does: edits are pending until applied, lists show both states, and a guest cannot use a vnet before it is applied. */
@Timeout(30)
class PveFakeSdnTest {
    private final PveFakeServer pve = PveFakeServer.builder().node("pve-01").node("pve-02").token("root@pam", "ops", "secret")
            .taskDuration(Duration.ZERO).vm(100, "pve-01", vm -> vm.set("net0", "virtio=02:00:00:00:01:00,bridge=vnet1")).start();
    private final PveHttp http = PveHttp.withToken(pve);

    @AfterEach
    void stop() {
        pve.close(); // strict: every request and answer conformed to the schema
    }

    private String upid(PveHttp.Answer a) {
        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        return a.data().asText();
    }

    @Test
    void editsArePendingUntilAppliedAndThenRunOnEveryNode() {
        http.post("/cluster/sdn/zones", "zone", "lab", "type", "simple");
        http.post("/cluster/sdn/vnets", "vnet", "vnet1", "zone", "lab", "tag", "10");

        JsonNode pending = http.get("/cluster/sdn/vnets", "pending", "1").data();
        assertThat(pending).singleElement().satisfies(v -> {
            assertThat(v.path("state").asText()).isEqualTo("new");
            assertThat(v.path("pending").path("zone").asText()).isEqualTo("lab");
            assertThat(v.path("pending").path("tag").asInt()).isEqualTo(10);
        });
        assertThat(http.get("/cluster/sdn/vnets", "running", "1").data()).isEmpty();
        assertThat(http.get("/nodes/pve-02/sdn/zones").data()).isEmpty();
        String failedStart = upid(http.post("/nodes/pve-01/qemu/100/status/start"));
        assertThat(http.awaitTask("pve-01", failedStart).path("exitstatus").asText()).isEqualTo("bridge 'vnet1' does not exist");

        assertThat(http.awaitTask("pve-01", upid(http.put("/cluster/sdn"))).path("exitstatus").asText()).isEqualTo("OK");

        assertThat(http.get("/cluster/sdn/vnets", "pending", "1").data()).singleElement()
                .satisfies(v -> assertThat(v.has("state")).as("nothing pending").isFalse());
        assertThat(http.get("/nodes/pve-02/sdn/zones").data()).singleElement()
                .satisfies(z -> assertThat(z.path("status").asText()).isEqualTo("available"));
        assertThat(http.get("/nodes/pve-02/sdn/zones/lab/content").data()).singleElement()
                .satisfies(v -> assertThat(v.path("vnet").asText()).isEqualTo("vnet1"));
        String start = upid(http.post("/nodes/pve-01/qemu/100/status/start"));
        assertThat(http.awaitTask("pve-01", start).path("exitstatus").asText()).isEqualTo("OK");
    }

    @Test
    void aChangedOrDeletedObjectShowsItsStateUntilApplied() {
        http.post("/cluster/sdn/zones", "zone", "lab", "type", "simple");
        http.post("/cluster/sdn/vnets", "vnet", "vnet1", "zone", "lab", "tag", "10");
        http.post("/cluster/sdn/vnets", "vnet", "vnet2", "zone", "lab");
        http.awaitTask("pve-01", upid(http.put("/cluster/sdn")));

        http.put("/cluster/sdn/vnets/vnet1", "tag", "20");
        http.delete("/cluster/sdn/vnets/vnet2");

        JsonNode pending = http.get("/cluster/sdn/vnets", "pending", "1").data();
        assertThat(pending).hasSize(2);
        assertThat(pending.get(0).path("state").asText()).isEqualTo("changed");
        assertThat(pending.get(0).path("tag").asInt()).as("running value").isEqualTo(10);
        assertThat(pending.get(0).path("pending").path("tag").asInt()).isEqualTo(20);
        assertThat(pending.get(1).path("state").asText()).isEqualTo("deleted");
        assertThat(http.get("/cluster/sdn/vnets").data()).as("the configuration as edited").hasSize(1);
        assertThat(http.get("/cluster/sdn/zones", "type", "evpn").data()).isEmpty();
    }
}
