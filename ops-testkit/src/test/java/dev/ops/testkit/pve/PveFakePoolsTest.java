package dev.ops.testkit.pve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Resource pools as PVE keeps them: members, moves, creation into a pool, deletion only when empty. */
@Timeout(30)
class PveFakePoolsTest {
    private PveFakeServer pve;
    private PveHttp http;

    @BeforeEach
    void start() {
        pve = PveFakeServer.builder().node("pve-01").token("root@pam", "ops", "secret").taskDuration(Duration.ZERO)
                .pool("lab", "the lab").pool("prod", null)
                .vm(100, "pve-01", vm -> vm.name("web").set("scsi0", "local-lvm:8").pool("prod"))
                .vm(9000, "pve-01", vm -> vm.name("tmpl").set("scsi0", "local-lvm:8").template())
                .start();
        http = PveHttp.withToken(pve);
    }

    @AfterEach
    void stop() {
        pve.close(); // strict: every request above conformed to the schema
    }

    private List<String> members(String pool) {
        List<String> ids = new ArrayList<>();
        http.get("/pools", "poolid", pool).data().get(0).path("members").forEach(m -> ids.add(m.path("id").asText()));
        return ids;
    }

    @Test
    void poolsAreListedWithTheirMembersWhenAskedForOne() {
        JsonNode all = http.get("/pools").data();
        assertThat(all).hasSize(2);
        assertThat(all.get(0).path("poolid").asText()).isEqualTo("lab");
        assertThat(all.get(0).path("comment").asText()).isEqualTo("the lab");
        assertThat(all.get(0).has("members")).isFalse();
        assertThat(members("prod")).containsExactly("qemu/100");
        assertThat(http.get("/pools/prod").data().path("members").get(0).path("vmid").asInt()).isEqualTo(100);
    }

    @Test
    void aCloneOrCreateCanGoStraightIntoAPoolThatExists() {
        assertThat(http.post("/nodes/pve-01/qemu/9000/clone", "newid", "101", "pool", "lab").status()).isEqualTo(200);
        assertThat(http.post("/nodes/pve-01/qemu", "vmid", "102", "pool", "lab").status()).isEqualTo(200);
        assertThat(members("lab")).containsExactly("qemu/101", "qemu/102");

        var missing = http.post("/nodes/pve-01/qemu", "vmid", "103", "pool", "nope");
        assertThat(missing.status()).isEqualTo(500);
        assertThat(missing.message()).isEqualTo("pool 'nope' does not exist");
        assertThat(pve.hasGuest(103)).as("nothing half-created").isFalse();
    }

    @Test
    void aGuestMovesToAnotherPoolOnlyWhenAllowed() {
        var refused = http.put("/pools", "poolid", "lab", "vms", "100");
        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.message()).contains("VM 100 belongs already to pool 'prod'");
        assertThat(http.put("/pools", "poolid", "lab", "vms", "100", "allow-move", "1").status()).isEqualTo(200);
        assertThat(members("lab")).containsExactly("qemu/100");
        assertThat(members("prod")).isEmpty();
    }

    @Test
    void onlyAnEmptyPoolCanBeDeleted() {
        assertThat(http.put("/pools", "poolid", "prod", "storage", "local").status()).isEqualTo(200);
        assertThat(http.delete("/pools", "poolid", "prod").message()).contains("pool 'prod' is not empty");
        assertThat(http.put("/pools", "poolid", "prod", "vms", "100", "storage", "local", "delete", "1").status()).isEqualTo(200);
        assertThat(http.delete("/pools/prod").status()).isEqualTo(200);
        assertThat(http.get("/pools").data()).extracting(n -> n.path("poolid").asText()).containsExactly("lab");
    }

    @Test
    void theClusterResourceListShowsPools() {
        List<String> pools = new ArrayList<>();
        http.get("/cluster/resources").data().forEach(n -> {
            if (n.path("type").asText().equals("pool")) {
                pools.add(n.path("id").asText());
            }
        });
        assertThat(pools).containsExactly("pool/lab", "pool/prod");
    }
}
