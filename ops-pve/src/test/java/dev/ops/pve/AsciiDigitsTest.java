package dev.ops.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.core.error.ValidationException;
import dev.ops.core.json.internal.Json;
import dev.ops.pve.cluster.ClusterResource;
import dev.ops.pve.cluster.PveVersion;
import dev.ops.proxmox.error.ProxmoxServerException;
import dev.ops.pve.guest.GuestConfig;
import dev.ops.pve.guest.GuestType;
import dev.ops.pve.guest.UriComponent;
import dev.ops.proxmox.internal.ProxmoxJson;
import dev.ops.proxmox.task.Upid;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveAnswer;
import dev.ops.testkit.pve.PveFakeServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Numbers come in ASCII digits only: the JDK's parsers read {@code "١٠١"} (Arabic-Indic) as 101, so an id that
 * a person reads one way could reach ops as another. Such text is not a number anywhere the client reads one.
 */
@Timeout(20)
class AsciiDigitsTest {
    /** 101 in Arabic-Indic digits. */
    private static final String ARABIC_101 = "\u0661\u0660\u0661";
    private final PveFakeServer pve = Fakes.cluster().start();

    @AfterEach
    void stop() {
        pve.close();
    }

    private static dev.ops.proxmox.JsonValue json(String text) throws Exception {
        return dev.ops.proxmox.JsonValue.parse(text);
    }

    @Test
    void aVmidWrittenInOtherDigitsIsNoVmid() throws Exception {
        List<ClusterResource> r = ProxmoxJson.<List<ClusterResource>>data(ProxmoxJson.listOf(ClusterResource.class)).read(new ByteArrayInputStream(
                ("{\"data\":[{\"id\":\"qemu/101\",\"type\":\"qemu\",\"vmid\":\"" + ARABIC_101 + "\",\"maxmem\":\"" + ARABIC_101 + "\"}]}")
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(r.get(0).vmid()).isEmpty();
        assertThat(r.get(0).usage().maxmem()).isEmpty();
    }

    @Test
    void aConfigValueInOtherDigitsIsNoNumber() throws Exception {
        GuestConfig c = GuestConfig.from(GuestType.QEMU, 101, json("{\"memory\":\"" + ARABIC_101 + "\",\"cores\":\"2\"}"));
        assertThat(c.memoryMb()).isEmpty();
        assertThat(c.cores()).hasValue(2);
    }

    @Test
    void aNextIdInOtherDigitsIsAServerErrorNotAVmid() {
        pve.answerNext("GET", "/cluster/nextid", PveAnswer.data(ARABIC_101));
        assertThatThrownBy(() -> Fakes.clientBuilder(pve).build().cluster().nextId()).isInstanceOf(ProxmoxServerException.class)
                .hasMessageContaining("not a VMID");
    }

    @Test
    void aVersionInOtherDigitsHasNoMajor() throws Exception {
        assertThat(PveVersion.from(json("{\"version\":\"\u0669.1.1\"}")).major()).isZero();
        assertThat(PveVersion.from(json("{\"version\":\"9.1.1\"}")).major()).isEqualTo(9);
    }

    @Test
    void aUpidWithOtherDigitsIsNoUpid() {
        String upid = "UPID:pve1:0000\u0661\u0662\u0663\u0664:00001234:6740AAAA:qmstart:101:root@pam:";
        assertThat(Upid.isUpid(upid)).isFalse();
        assertThatThrownBy(() -> Upid.parse(upid)).isInstanceOf(ValidationException.class);
    }

    @Test
    void aPercentEscapeTakesAsciiHexDigitsOnly() {
        assertThat(UriComponent.decode("%\u0661\u0662")).isEqualTo("%\u0661\u0662");
        assertThat(UriComponent.decode("%41")).isEqualTo("A");
    }

    /** A caller's own type bound through the raw API. */
    public record Counts(int vmid, Integer maxcpu, long maxmem) {}

    @Test
    void theRawApiBindsNoNumberFromOtherDigits() {
        pve.answerNext("GET", "/cluster/counts", PveAnswer.data(Map.of("vmid", ARABIC_101, "maxcpu", ARABIC_101, "maxmem", ARABIC_101)));
        Counts c = Fakes.clientBuilder(pve).build().api().get("/cluster/counts", Map.of(), Counts.class);
        assertThat(c).isEqualTo(new Counts(0, null, 0));
        pve.answerNext("GET", "/cluster/counts", PveAnswer.data(Map.of("vmid", "101", "maxcpu", "4", "maxmem", "2048")));
        assertThat(Fakes.clientBuilder(pve).build().api().get("/cluster/counts", Map.of(), Counts.class)).isEqualTo(new Counts(101, 4, 2048));
    }
}
