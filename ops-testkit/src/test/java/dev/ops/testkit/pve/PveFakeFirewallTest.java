package dev.ops.testkit.pve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Firewall rules are ordered lists, as pve-firewall keeps them; security groups hold rules of their own. */
@Timeout(30)
class PveFakeFirewallTest {
    private PveFakeServer pve;
    private PveHttp http;

    @BeforeEach
    void start() {
        pve = PveFakeServer.builder().node("pve-01").token("root@pam", "ops", "secret").vm(100, "pve-01").start();
        http = PveHttp.withToken(pve);
    }

    @AfterEach
    void stop() {
        pve.close(); // strict: every request above conformed to the schema
    }

    private List<String> comments(String list) {
        List<String> out = new ArrayList<>();
        http.get(list).data().forEach(r -> out.add(r.path("pos").asInt() + ":" + r.path("comment").asText()));
        return out;
    }

    @Test
    void aNewRuleGoesOnTopDisabledUnlessSaidOtherwise() {
        String rules = "/nodes/pve-01/qemu/100/firewall/rules";
        http.post(rules, "type", "in", "action", "ACCEPT", "proto", "tcp", "dport", "22", "comment", "ssh", "enable", "1");
        http.post(rules, "type", "in", "action", "ACCEPT", "macro", "HTTPS", "comment", "https");
        assertThat(comments(rules)).containsExactly("0:https", "1:ssh");
        assertThat(http.get(rules + "/1").data().path("enable").asInt()).isEqualTo(1);
        assertThat(http.get(rules + "/0").data().path("enable").asInt()).isZero();
        http.post(rules, "type", "out", "action", "DROP", "comment", "last", "pos", "2");
        assertThat(comments(rules)).containsExactly("0:https", "1:ssh", "2:last");
    }

    @Test
    void moveToReordersAndDigestGuardsWrites() {
        String rules = "/cluster/firewall/rules";
        for (String name : List.of("c", "b", "a")) {
            http.post(rules, "type", "in", "action", "ACCEPT", "comment", name);
        }
        assertThat(comments(rules)).containsExactly("0:a", "1:b", "2:c");
        assertThat(http.put(rules + "/0", "moveto", "3").status()).isEqualTo(200);
        assertThat(comments(rules)).containsExactly("0:b", "1:c", "2:a");

        JsonNode listed = http.get("/cluster/firewall/groups").data();
        assertThat(listed).isEmpty();
        var stale = http.delete(rules + "/0", "digest", "0000000000000000000000000000000000000000");
        assertThat(stale.status()).isEqualTo(500);
        assertThat(stale.message()).contains("detected modified configuration");
        assertThat(http.delete(rules + "/0").status()).isEqualTo(200);
        assertThat(comments(rules)).containsExactly("0:c", "1:a");
        assertThat(http.get(rules + "/5").message()).isEqualTo("no rule at position 5");
    }

    @Test
    void aSecurityGroupHoldsRulesAndOnlyAnEmptyOneCanBeDeleted() {
        assertThat(http.post("/cluster/firewall/groups", "group", "webserver", "comment", "web").status()).isEqualTo(200);
        assertThat(http.post("/cluster/firewall/groups/webserver", "type", "in", "action", "ACCEPT", "macro", "HTTP").status())
                .isEqualTo(200);
        assertThat(http.get("/cluster/firewall/groups/webserver").data()).hasSize(1);

        var unknown = http.post("/nodes/pve-01/firewall/rules", "type", "group", "action", "nope");
        assertThat(unknown.message()).isEqualTo("no such security group 'nope'");
        assertThat(http.post("/nodes/pve-01/firewall/rules", "type", "group", "action", "webserver").status()).isEqualTo(200);

        assertThat(http.delete("/cluster/firewall/groups/webserver").message()).contains("is not empty");
        http.delete("/cluster/firewall/groups/webserver/0");
        assertThat(http.delete("/cluster/firewall/groups/webserver").status()).isEqualTo(200);
        assertThat(http.get("/cluster/firewall/groups").data()).isEmpty();
    }

    @Test
    void aGuestThatDoesNotExistHasNoRules() {
        assertThat(http.get("/nodes/pve-01/qemu/999/firewall/rules").status()).isEqualTo(500);
    }
}
