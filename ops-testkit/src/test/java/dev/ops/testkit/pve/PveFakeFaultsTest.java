package dev.ops.testkit.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failures a test can ask for: hanging answers, dropped connections, HTML error pages. */
@Timeout(30)
class PveFakeFaultsTest {

    private PveFakeServer pve;
    private PveHttp http;

    @BeforeEach
    void start() {
        pve = PveFakeServer.builder().vm(100, "pve").token("root@pam", "ops", "secret").start();
        http = PveHttp.withToken(pve);
    }

    @AfterEach
    void stop() {
        pve.close();
    }

    @Test
    void hungRequestNeverAnswersSoTheClientTimesOut() {
        pve.hangNext("GET", "/cluster/resources");
        assertThatThrownBy(() -> http.send("GET", "/cluster/resources", null, null, Duration.ofMillis(300)))
                .hasCauseInstanceOf(HttpTimeoutException.class);
        assertThat(http.get("/cluster/resources").status()).isEqualTo(200);
    }

    @Test
    void faultMatchesAPathTemplateToo() {
        pve.hangNext("GET", "/nodes/{node}/qemu/{vmid}/status/current");
        assertThatThrownBy(() -> http.send("GET", "/nodes/pve/qemu/100/status/current", null, null, Duration.ofMillis(300)))
                .hasCauseInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void disconnectClosesTheConnectionMidResponse() {
        pve.disconnectNext("GET", "/version");
        assertThatThrownBy(() -> http.get("/version")).isInstanceOf(java.io.UncheckedIOException.class);
        assertThat(http.get("/version").status()).isEqualTo(200);
    }

    @Test
    void htmlErrorAnswers500WithAnHtmlBody() {
        pve.htmlErrorNext(null, "/version");
        var a = http.get("/version");
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.json()).isNull();
        assertThat(a.raw()).startsWith("<!DOCTYPE html>");
    }

    @Test
    void seedOnAnUnknownStorageIsRefusedAtStart() {
        assertThatThrownBy(() -> PveFakeServer.builder().vm(100, "pve", vm -> vm.set("scsi0", "nowhere:8")).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("storage 'nowhere' does not exist");
    }

    @Test
    void schemaIsParsedOnceAndHasEveryPveEndpoint() {
        var first = dev.ops.testkit.pve.internal.ApiSchema.pve();
        assertThat(dev.ops.testkit.pve.internal.ApiSchema.pve()).isSameAs(first);
        assertThat(first.endpointCount()).isEqualTo(649);
    }

    @Test
    void certificateIsValidFor127001AndTheFingerprintIsItsSha256() throws Exception {
        assertThat(pve.apiUri().toString()).startsWith("https://127.0.0.1:").endsWith("/api2/json");
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(pve.certificate().getEncoded());
        assertThat(pve.fingerprint()).isEqualTo(java.util.HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest))
                .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(pve.certificate().getSubjectAlternativeNames()).anySatisfy(san -> assertThat(san.get(1)).isEqualTo("127.0.0.1"));
    }
}
