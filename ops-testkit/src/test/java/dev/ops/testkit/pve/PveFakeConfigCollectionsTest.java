package dev.ops.testkit.pve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.testkit.pve.internal.ApiSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Named configuration collections (HA groups and rules, replication, SDN, mappings, backup jobs...) keep their entries. */
@Timeout(30)
class PveFakeConfigCollectionsTest {
    private PveFakeServer pve;
    private PveHttp http;

    @BeforeEach
    void start() {
        pve = PveFakeServer.builder().node("pve-01").node("pve-02").token("root@pam", "ops", "secret")
                .vm(100, "pve-01").start();
        http = PveHttp.withToken(pve);
    }

    @AfterEach
    void stop() {
        pve.close(); // strict: every request above conformed to the schema
    }

    @Test
    void anHaRuleIsCreatedListedUpdatedAndDeleted() {
        assertThat(http.post("/cluster/ha/rules", "rule", "keep-apart", "type", "resource-affinity",
                "resources", "vm:100", "affinity", "negative").status()).isEqualTo(200);
        JsonNode listed = http.get("/cluster/ha/rules").data();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("rule").asText()).isEqualTo("keep-apart");
        assertThat(listed.get(0).path("affinity").asText()).isEqualTo("negative");

        String digest = http.get("/cluster/ha/rules/keep-apart").data().path("digest").asText();
        assertThat(http.put("/cluster/ha/rules/keep-apart", "type", "resource-affinity", "comment", "db replicas",
                "digest", digest).status()).isEqualTo(200);
        assertThat(http.get("/cluster/ha/rules/keep-apart").data().path("comment").asText()).isEqualTo("db replicas");
        var stale = http.put("/cluster/ha/rules/keep-apart", "type", "resource-affinity", "comment", "x", "digest", digest);
        assertThat(stale.status()).isEqualTo(500);
        assertThat(stale.message()).contains("detected modified configuration");

        assertThat(http.delete("/cluster/ha/rules/keep-apart").status()).isEqualTo(200);
        assertThat(http.get("/cluster/ha/rules").data()).isEmpty();
        assertThat(http.get("/cluster/ha/rules/keep-apart").status()).isEqualTo(500);
    }

    @Test
    void aKeyRemovedWithDeleteIsGone() {
        http.post("/cluster/replication", "id", "100-0", "type", "local", "target", "pve-02", "schedule", "*/15", "comment", "c");
        assertThat(http.put("/cluster/replication/100-0", "delete", "comment").status()).isEqualTo(200);
        JsonNode job = http.get("/cluster/replication/100-0").data();
        assertThat(job.has("comment")).isFalse();
        assertThat(job.path("target").asText()).isEqualTo("pve-02");
    }

    @Test
    void creatingAnExistingEntryIsRefused() {
        assertThat(http.post("/cluster/sdn/zones", "zone", "lab", "type", "simple").status()).isEqualTo(200);
        assertThat(http.post("/cluster/sdn/zones", "zone", "lab", "type", "simple").message()).contains("'lab' already exists");
    }

    @Test
    void entriesBelowAParentAreKeptPerParent() {
        http.post("/cluster/sdn/vnets", "vnet", "vnet1", "zone", "lab");
        http.post("/cluster/sdn/vnets", "vnet", "vnet2", "zone", "lab");
        assertThat(http.post("/cluster/sdn/vnets/vnet1/subnets", "subnet", "10.0.1.0/24", "type", "subnet").status()).isEqualTo(200);
        assertThat(http.get("/cluster/sdn/vnets/vnet1/subnets").data()).hasSize(1);
        assertThat(http.get("/cluster/sdn/vnets/vnet2/subnets").data()).isEmpty();
    }

    @Test
    void aBackupJobWithoutAnIdGetsOne() {
        assertThat(http.post("/cluster/backup", "schedule", "sun 01:00", "storage", "local", "all", "1").status()).isEqualTo(200);
        JsonNode jobs = http.get("/cluster/backup").data();
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).path("id").asText()).isNotBlank();
        assertThat(http.get("/cluster/backup/" + jobs.get(0).path("id").asText()).data().path("schedule").asText()).isEqualTo("sun 01:00");
    }

    @Test
    void aGuestFirewallAliasNeedsTheGuest() {
        assertThat(http.post("/nodes/pve-01/qemu/100/firewall/aliases", "name", "gw", "cidr", "10.0.0.1").status()).isEqualTo(200);
        assertThat(http.get("/nodes/pve-01/qemu/100/firewall/aliases").data().get(0).path("cidr").asText()).isEqualTo("10.0.0.1");
        assertThat(http.post("/nodes/pve-01/qemu/999/firewall/aliases", "name", "gw", "cidr", "10.0.0.1").status()).isEqualTo(500);
    }

    @Test
    void noKeyedCollectionOfTheSchemaAnswers501() {
        List<String> unimplemented = new ArrayList<>();
        for (String template : ApiSchema.pve().templates()) {
            if (template.matches("/cluster/(ha|replication|sdn|mapping|notifications/(endpoints|matchers)|backup|acme)(/.*)?")
                    && !template.contains("{pos}") && ApiSchema.pve().endpoint("GET", template).isPresent()
                    && !template.contains("{") && template.split("/").length <= 4) {
                var a = http.get(template);
                if (a.status() == 501) {
                    unimplemented.add(template);
                }
            }
        }
        pve.clearViolations();
        assertThat(unimplemented).as("keyed collections answering 501").doesNotContain("/cluster/ha/groups", "/cluster/ha/rules",
                "/cluster/replication", "/cluster/sdn/zones", "/cluster/sdn/vnets", "/cluster/mapping/pci", "/cluster/backup",
                "/cluster/notifications/matchers");
    }
}
