package dev.ops.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import dev.ops.core.secret.Secret;
import dev.ops.proxmox.internal.BaseUrl;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A client always carries a credential: plain HTTP would send it in clear text, so it is refused but to loopback, by name. */
@Timeout(20)
class PlainHttpTest {
    /** What pveproxy answers to GET /version: the TLS and plain-HTTP behaviours need no more of a server than this. */
    private static MockResponse versionAnswer() {
        return new MockResponse.Builder().setHeader("Content-Type", "application/json").body("{\"data\":{\"version\":\"9.1.1\",\"release\":\"9.1\",\"repoid\":\"x\"}}").build();
    }
    private static final Secret TOKEN = Secret.of("7c1e2d44-plain-http-token");
    private static final Secret PASSWORD = Secret.of("plain-http-password-9");

    private static List<String> baseUrlProblems(PveClient.Builder b) {
        try {
            b.build();
        } catch (ValidationException e) {
            return e.violationsOf("baseUrl").stream().map(Violation::message).toList();
        }
        throw new AssertionError("built a client that should have been refused");
    }

    @Test
    void refusesPlainHttpBecauseTheTokenWouldCrossTheNetworkInClearText() {
        var b = PveClient.builder().baseUrl("http://pve.lab:8006").apiToken("root@pam", "ops", TOKEN);
        assertThat(baseUrlProblems(b)).singleElement().asString().contains("plain HTTP", "clear text", "allowPlainHttpToLoopback()");
    }

    @Test
    void refusesPlainHttpForAPasswordLoginToo() {
        var b = PveClient.builder().baseUrl("http://127.0.0.1:8006").login("root@pam", PASSWORD);
        assertThat(baseUrlProblems(b)).singleElement().asString().contains("plain HTTP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://pve.lab:8006", "http://10.0.0.5:8006", "http://127.0.0.1.nip.io:8006", "http://[2001:db8::1]:8006",
            "http://[::ffff:10.0.0.1]:8006", "http://0.0.0.0:8006", "http://localhost.example.org"})
    void refusesPlainHttpToAHostThatIsNotLoopbackEvenWithTheOptIn(String url) {
        var b = PveClient.builder().baseUrl(url).allowPlainHttpToLoopback().apiToken("root@pam", "ops", TOKEN);
        assertThat(baseUrlProblems(b)).singleElement().asString().contains("not loopback");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.3.2.1", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"})
    void loopbackIsLocalhostAnd127Slash8AndColonColon1(String host) {
        assertThat(BaseUrl.isLoopback(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1.nip.io", "pve", "10.0.0.1", "0.0.0.0", "::", "::ffff:10.0.0.1", "2001:db8::1", "127.1", "1.127.0.0.1"})
    void nothingElseIsLoopback(String host) {
        assertThat(BaseUrl.isLoopback(host)).isFalse();
    }

    @Test
    void refusesATlsSettingGivenWithAPlainHttpUrlAsItWouldBeDropped() {
        var b = PveClient.builder().baseUrl("http://127.0.0.1:8006").allowPlainHttpToLoopback().apiToken("root@pam", "ops", TOKEN)
                .pinnedCertificate("AB".repeat(32));
        assertThat(baseUrlProblems(b)).singleElement().asString().contains("TLS settings", "pinnedCertificate", "ignored");
    }

    @Test
    void refusesEveryTlsSettingWithPlainHttpNamingEach() throws Exception {
        var cert = new okhttp3.tls.HeldCertificate.Builder().build().certificate();
        var b = PveClient.builder().baseUrl("http://localhost:8006").allowPlainHttpToLoopback().apiToken("root@pam", "ops", TOKEN)
                .trustCertificate(cert).verifyHostname(false);
        assertThat(baseUrlProblems(b)).singleElement().asString().contains("trustCertificate", "verifyHostname");
        var c = PveClient.builder().baseUrl("http://localhost:8006").allowPlainHttpToLoopback().apiToken("root@pam", "ops", TOKEN)
                .trustSystemCertificates();
        assertThat(baseUrlProblems(c)).singleElement().asString().contains("trustSystemCertificates");
    }

    @Test
    void listsThePlainHttpAndTheDroppedPinAtOnce() {
        var b = PveClient.builder().baseUrl("http://pve.lab").apiToken("root@pam", "ops", TOKEN).pinnedCertificate("AB".repeat(32));
        assertThat(baseUrlProblems(b)).hasSize(2);
    }

    @Test
    void aVariantOfAnHttpsClientCannotSwitchToPlainHttp() {
        PveClient https = PveClient.builder().baseUrl("https://pve.lab").apiToken("root@pam", "ops", TOKEN).pinnedCertificate("AB".repeat(32))
                .build();
        assertThat(baseUrlProblems(https.newBuilder().baseUrl("http://pve.lab"))).isNotEmpty();
    }

    @Test
    void talksPlainHttpToALoopbackServerWhenAllowedByName() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            server.enqueue(versionAnswer());
            try (PveClient c = PveClient.builder().baseUrl("http://127.0.0.1:" + server.getPort()).allowPlainHttpToLoopback()
                    .apiToken("root@pam", "ops", TOKEN).build()) {
                assertThat(c.version().version()).isEqualTo("9.1.1");
            }
            RecordedRequest r = server.takeRequest();
            assertThat(r.getHeaders().get("Authorization")).isEqualTo("PVEAPIToken=root@pam!ops=" + TOKEN.reveal());
        }
    }

    @Test
    void httpsNeedsNoOptIn() {
        assertThat(PveClient.builder().baseUrl("https://pve.lab").apiToken("root@pam", "ops", TOKEN).build().apiBase())
                .isEqualTo("https://pve.lab:8006/api2/json");
        assertThat(PveClient.builder().baseUrl("pve.lab").apiToken("root@pam", "ops", TOKEN).build().apiBase()).startsWith("https://");
    }

    @Test
    void theOptInDoesNotLetAnHttpsClientDropItsTls() {
        // allowPlainHttpToLoopback() only allows; an https URL stays https with its pin.
        PveClient c = PveClient.builder().baseUrl("https://127.0.0.1:1").allowPlainHttpToLoopback().apiToken("root@pam", "ops", TOKEN)
                .pinnedCertificate("AB".repeat(32)).build();
        assertThat(c.apiBase()).startsWith("https://");
    }

    @Test
    void theRefusalNeverShowsTheCredential() {
        assertThatThrownBy(() -> PveClient.builder().baseUrl("http://pve.lab").login("root@pam", PASSWORD).build())
                .isInstanceOf(ValidationException.class).hasMessageNotContaining(PASSWORD.reveal());
    }
}
