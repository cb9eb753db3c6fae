package dev.ops.pve;

import dev.ops.proxmox.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.proxmox.error.ProxmoxCertificateException;
import dev.ops.proxmox.internal.Tls;
import java.net.InetAddress;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class TlsTest {
    /** What pveproxy answers to GET /version: the TLS and plain-HTTP behaviours need no more of a server than this. */
    private static MockResponse versionAnswer() {
        return new MockResponse.Builder().setHeader("Content-Type", "application/json").body("{\"data\":{\"version\":\"9.1.1\",\"release\":\"9.1\",\"repoid\":\"x\"}}").build();
    }
    private final HeldCertificate cert = new HeldCertificate.Builder().commonName("pve-self-signed")
            .addSubjectAlternativeName("localhost").build();
    private MockWebServer server;

    @BeforeEach
    void startHttps() throws Exception {
        server = new MockWebServer();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(cert).build().sslSocketFactory());
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private PveClient.Builder builder() {
        return PveClient.builder().baseUrl("https://127.0.0.1:" + server.getPort()).apiToken("root@pam", "ops",
                dev.ops.core.secret.Secret.of("5b6f0c5e-3c1d-4a53-9d43-0c3f0b2f7a11")).retryPolicy(RetryPolicy.none());
    }

    private void answerVersion() {
        server.enqueue(versionAnswer());
    }

    @Test
    void trustsTheServerByItsPinnedFingerprintWhateverItsName() {
        answerVersion();
        PveClient c = builder().pinnedCertificate(Tls.fingerprint(cert.certificate())).build();
        assertThat(c.version().version()).isEqualTo("9.1.1");
    }

    @Test
    void acceptsAPinWithoutColonsInLowerCase() {
        answerVersion();
        String hex = Tls.fingerprint(cert.certificate()).replace(":", "").toLowerCase();
        assertThat(builder().pinnedCertificate(hex).build().version().release()).isEqualTo("9.1");
    }

    @Test
    void refusesACertificateThatDoesNotMatchThePinAndSaysWhichItSaw() {
        PveClient c = builder().pinnedCertificate("AA".repeat(32)).build();
        assertThatThrownBy(c::version).isInstanceOf(ProxmoxCertificateException.class)
                .hasMessageContaining("fingerprint mismatch").hasMessageContaining(Tls.fingerprint(cert.certificate()));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void trustsACustomCaCertificateWithoutHostnameCheckWhenAskedTo() {
        answerVersion();
        PveClient c = builder().trustCertificate(cert.certificate()).verifyHostname(false).build();
        assertThat(c.version().version()).isEqualTo("9.1.1");
    }

    @Test
    void checksTheHostnameOfACaTrustedCertificateByDefault() {
        // The certificate names localhost, the client connects to 127.0.0.1.
        PveClient c = builder().trustCertificate(cert.certificate()).build();
        assertThatThrownBy(c::version).isInstanceOf(ProxmoxCertificateException.class).hasMessageContaining("127.0.0.1");
    }

    @Test
    void refusesASelfSignedCertificateUnderTheSystemTrustStore() {
        PveClient c = builder().build();
        assertThatThrownBy(c::version).isInstanceOf(ProxmoxCertificateException.class).hasMessageContaining("not trusted")
                .satisfies(e -> assertThat(((ProxmoxCertificateException) e).retryable()).isFalse());
    }

    @Test
    void trustsAPemCertificate() {
        answerVersion();
        PveClient c = builder().trustCertificatePem(cert.certificatePem()).verifyHostname(false).build();
        assertThat(c.version().version()).isEqualTo("9.1.1");
    }

    @Test
    void reportsAPemThatIsNoCertificate() {
        assertThatThrownBy(() -> builder().trustCertificatePem("-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n").build())
                .isInstanceOf(dev.ops.core.error.ValidationException.class).hasMessageContaining("trust");
    }

    @Test
    void trustsWhatACallersTrustManagerTrusts() {
        answerVersion();
        var tm = new HandshakeCertificates.Builder().addTrustedCertificate(cert.certificate()).build().trustManager();
        PveClient c = PveClient.builder().baseUrl("https://localhost:" + server.getPort()).apiToken("root@pam", "ops",
                dev.ops.core.secret.Secret.of("5b6f0c5e-3c1d-4a53-9d43-0c3f0b2f7a11")).trustManager(tm).build();
        assertThat(c.version().version()).isEqualTo("9.1.1");
    }
}
