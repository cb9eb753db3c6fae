package dev.ops.testkit.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every request is checked against the real PVE 9.1 schema and refused the way PVE refuses it. */
@Timeout(30)
class PveFakeSchemaTest {

    private PveFakeServer pve;
    private PveHttp http;

    @BeforeEach
    void start() {
        pve = PveFakeServer.builder().node("pve-01").vm(100, "pve-01", vm -> vm.name("web"))
                .token("root@pam", "ops", "secret").taskDuration(java.time.Duration.ZERO).strict(false).start();
        http = PveHttp.withToken(pve);
    }

    @AfterEach
    void stop() {
        pve.close();
    }

    @Test
    void unknownPathAnswers501WithPvesMessageAndIsRecorded() {
        var a = http.get("/foo");
        assertThat(a.status()).isEqualTo(501);
        assertThat(a.message()).isEqualTo("Method 'GET /foo' not implemented");
        assertThat(a.json().has("data")).isTrue();
        assertThat(pve.violations()).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo(501);
            assertThat(v.path()).isEqualTo("/foo");
        });
    }

    @Test
    void wrongMethodOnAKnownPathAnswers501() {
        var a = http.delete("/cluster/resources");
        assertThat(a.status()).isEqualTo(501);
        assertThat(a.message()).isEqualTo("Method 'DELETE /cluster/resources' not implemented");
        assertThat(pve.violations()).hasSize(1);
    }

    @Test
    void missingRequiredParameterAnswers400NamingIt() {
        var a = http.post("/nodes/pve-01/qemu/100/clone");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("data").isNull()).isTrue();
        assertThat(a.errors().path("newid").asText()).isEqualTo("property is missing and it is not optional");
        assertThat(pve.violations()).singleElement().satisfies(v -> assertThat(v.errors()).containsKey("newid"));
    }

    @Test
    void integerParameterWithTextIsATypeError() {
        var a = http.post("/nodes/pve-01/qemu/100/clone", "newid", "abc");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errors().path("newid").asText()).isEqualTo("type check ('integer') failed - got 'abc'");
    }

    @Test
    void integerBelowMinimumIsRefused() {
        var a = http.post("/nodes/pve-01/qemu/100/clone", "newid", "99");
        assertThat(a.errors().path("newid").asText()).isEqualTo("value must have a minimum value of 100");
    }

    @Test
    void booleanMustBeZeroOrOneInAForm() {
        var a = http.post("/nodes/pve-01/qemu/100/clone", "newid", "101", "full", "true");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errors().path("full").asText()).isEqualTo("type check ('boolean') failed - got 'true'");
    }

    @Test
    void jsonBodyMayUseJsonBooleans() {
        var a = http.postJson("/nodes/pve-01/qemu/100/clone", "{\"newid\": 101, \"full\": true}");
        assertThat(a.status()).isEqualTo(200);
        assertThat(pve.violations()).isEmpty();
    }

    @Test
    void enumViolationListsTheAllowedValues() {
        var a = http.get("/cluster/resources", "type", "vms");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errors().path("type").asText())
                .isEqualTo("value 'vms' does not have a value in the enumeration 'vm, storage, node, sdn'");
    }

    @Test
    void patternViolationIsRefused() {
        var a = http.put("/nodes/pve-01/qemu/100/config", "bootdisk", "floppy0");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errors().path("bootdisk").asText()).isEqualTo("value does not match the regex pattern");
    }

    @Test
    void namedFormatViolationIsRefused() {
        var a = http.put("/nodes/pve-01/qemu/100/config", "delete", "Memory");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errors().path("delete").asText()).isEqualTo("invalid format - invalid configuration ID 'Memory'");
    }

    @Test
    void pathParameterFormatIsCheckedToo() {
        var a = http.get("/nodes/pve_01/qemu");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errors().path("node").asText()).isEqualTo("invalid format - value does not look like a valid node name");
    }

    @Test
    void unknownParameterIsRefusedWhenTheSchemaForbidsExtras() {
        var a = http.get("/cluster/resources", "kind", "vm");
        assertThat(a.errors().path("kind").asText())
                .isEqualTo("property is not defined in schema and the schema does not allow additional properties");
    }

    @Test
    void requiresNamesTheMissingCompanion() {
        var a = PveHttp.anonymous(pve).post("/access/ticket", "username", "root@pam", "password", "x", "path", "/vms");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errors().path("privs").asText()).isEqualTo("missing property - 'path' requires this property");
    }

    @Test
    void propertyOfAnotherInstanceTypeIsRefused() {
        var a = http.post("/cluster/ha/rules", "rule", "r1", "type", "resource-affinity", "resources", "vm:100",
                "affinity", "positive", "strict", "1");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errors().path("strict").asText()).isEqualTo("property is not allowed for type 'resource-affinity'");
        assertThat(a.errors().has("affinity")).isFalse();
    }

    @Test
    void propertyStringSubKeysAreValidated() {
        var a = http.put("/nodes/pve-01/qemu/100/config", "net0", "virtio,bridge=vmbr0,tag=99999");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errors().path("net0").asText()).startsWith("invalid format - format error").contains("tag: value must have a maximum value of 4094");
    }

    @Test
    void propertyStringUnknownKeyIsRefused() {
        var a = http.put("/nodes/pve-01/qemu/100/config", "net0", "virtio,bridge=vmbr0,colour=red");
        assertThat(a.errors().path("net0").asText()).contains("colour: property is not defined in schema");
    }

    @Test
    void booleansInsidePropertyStringsMaySayOnYesOrTrue() {
        assertThat(http.put("/nodes/pve-01/qemu/100/config", "net0", "virtio,bridge=vmbr0,firewall=on,link_down=no").status())
                .isEqualTo(200);
        var bad = http.put("/nodes/pve-01/qemu/100/config", "net0", "virtio,bridge=vmbr0,firewall=maybe");
        assertThat(bad.status()).isEqualTo(400);
        pve.clearViolations();
    }

    @Test
    void validPropertyStringWithModelAliasPasses() {
        var a = http.put("/nodes/pve-01/qemu/100/config", "net0", "virtio=BC:24:11:00:00:01,bridge=vmbr0,tag=20,firewall=1");
        assertThat(a.status()).isEqualTo(200);
        assertThat(pve.violations()).isEmpty();
    }

    @Test
    void indexedKeyBeyondPvesBoundIsUnknown() {
        var ok = http.put("/nodes/pve-01/qemu/100/config", "net31", "virtio,bridge=vmbr0");
        var bad = http.put("/nodes/pve-01/qemu/100/config", "net32", "virtio,bridge=vmbr0");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errors().has("net32")).isTrue();
    }

    @Test
    void validButUnimplementedPathSays501NotImplementedInFakeWithoutAViolation() {
        var a = http.get("/nodes/pve-01/qemu/100/rrd", "timeframe", "hour", "ds", "cpu");
        assertThat(a.status()).isEqualTo(501);
        assertThat(a.message()).isEqualTo("Method 'GET /nodes/{node}/qemu/{vmid}/rrd' not implemented in fake");
        assertThat(pve.violations()).isEmpty();
    }

    @Test
    void strictServerFailsOnCloseWhenRequestsViolatedTheSchema() {
        PveFakeServer strict = PveFakeServer.builder().token("root@pam", "ops", "s").start();
        PveHttp.withToken(strict).get("/cluster/resources", "type", "vms");
        assertThatThrownBy(strict::close).isInstanceOf(AssertionError.class)
                .hasMessageContaining("violated the Proxmox VE API schema").hasMessageContaining("type");
    }

    @Test
    void assertNoSchemaViolationsPassesForValidTraffic() {
        http.get("/cluster/resources", "type", "vm");
        http.get("/version");
        pve.assertNoSchemaViolations();
        assertThat(pve.requests()).extracting(RecordedCall::template).containsExactly("/cluster/resources", "/version");
    }
}
