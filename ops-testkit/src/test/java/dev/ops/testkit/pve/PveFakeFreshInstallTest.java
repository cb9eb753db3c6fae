package dev.ops.testkit.pve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A fresh fake is what a fresh Proxmox VE install is: the pam and pve realms, the user root@pam and
 * every built-in role; the appliance index answers, and downloading an appliance makes a template.
 */
@Timeout(30)
class PveFakeFreshInstallTest {
    private final PveFakeServer pve = PveFakeServer.builder().node("pve-01").token("root@pam", "ops", "secret")
            .taskDuration(Duration.ZERO).start();

    @AfterEach
    void stop() {
        pve.close();
    }

    private static List<String> values(JsonNode list, String key) {
        List<String> out = new ArrayList<>();
        list.forEach(e -> out.add(e.path(key).asText()));
        return out;
    }

    @Test
    void aFreshFakeHasThePamAndPveRealmsAndRootAtPam() {
        PveHttp api = PveHttp.withToken(pve);

        assertThat(values(api.get("/access/domains").data(), "realm")).containsExactly("pam", "pve");
        assertThat(values(api.get("/access/domains").data(), "type")).containsExactly("pam", "pve");
        assertThat(values(api.get("/access/users").data(), "userid")).contains("root@pam");
        assertThat(values(api.get("/access/roles").data(), "roleid")).contains("Administrator", "PVEAdmin", "PVEAuditor",
                "PVETemplateUser", "PVESysAdmin", "PVEUserAdmin", "PVESDNAdmin", "PVEMappingAdmin", "NoAccess").hasSize(17);
    }

    @Test
    void builtInRealmsCannotBeMadeOrRemovedOthersCan() {
        PveHttp api = PveHttp.withToken(pve);

        assertThat(api.post("/access/domains", "realm", "corp", "type", "ldap", "base_dn", "dc=corp", "user_attr", "uid",
                "server1", "ldap.corp.example").status()).isEqualTo(200);
        assertThat(values(api.get("/access/domains").data(), "realm")).containsExactly("corp", "pam", "pve");
        assertThat(api.delete("/access/domains/pam").raw()).contains("can't remove builtin realm");
        assertThat(api.post("/access/domains", "realm", "other", "type", "pve").raw()).contains("unable to create builtin type");
        assertThat(api.delete("/access/domains/corp").status()).isEqualTo(200);
        assertThat(values(api.get("/access/domains").data(), "realm")).containsExactly("pam", "pve");
    }

    @Test
    void theApplianceIndexListsTemplatesAndADownloadMakesOne() {
        PveHttp api = PveHttp.withToken(pve);
        JsonNode index = api.get("/nodes/pve-01/aplinfo").data();
        String template = index.get(0).path("template").asText();

        String upid = api.post("/nodes/pve-01/aplinfo", "storage", "local", "template", template).data().asText();
        api.awaitTask("pve-01", upid);

        assertThat(values(index, "section")).contains("system");
        assertThat(pve.volumes("pve-01", "local")).contains("local:vztmpl/" + template);
        assertThat(api.post("/nodes/pve-01/aplinfo", "storage", "local", "template", "nope.tar.zst").raw()).contains("no such template");
        assertThat(pve.violations()).isEmpty();
    }
}
