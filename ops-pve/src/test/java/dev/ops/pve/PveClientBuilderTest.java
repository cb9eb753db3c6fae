package dev.ops.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import dev.ops.core.secret.Secret;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PveClientBuilderTest {
    private static final Secret SECRET = Secret.of("b3e4a9e0-builder-test");

    @Test
    void defaultsToPort8006AndAddsTheApiPath() {
        PveClient c = PveClient.builder().baseUrl("https://pve.lab").apiToken("root@pam", "ops", SECRET).build();
        assertThat(c.apiBase()).isEqualTo("https://pve.lab:8006/api2/json");
        assertThat(c.name()).isEqualTo("pve.lab:8006");
    }

    @Test
    void acceptsHostAndPortWithoutSchemeAndAnExplicitApiPath() {
        assertThat(PveClient.builder().baseUrl("pve.lab:8443").apiToken("root@pam", "ops", SECRET).build().apiBase())
                .isEqualTo("https://pve.lab:8443/api2/json");
        assertThat(PveClient.builder().baseUrl("https://pve.lab:8006/api2/json/").apiToken("root@pam", "ops", SECRET).build().apiBase())
                .isEqualTo("https://pve.lab:8006/api2/json");
    }

    @Test
    void splitsAFullTokenId() {
        PveClient c = PveClient.builder().baseUrl("https://pve").apiToken("ops@pve!ci", SECRET).build();
        assertThat(c.user()).isEqualTo("ops@pve");
        assertThat(c.usesApiToken()).isTrue();
    }

    @Test
    void reportsEveryProblemAtOnce() {
        var b = PveClient.builder().baseUrl("ftp://pve").apiToken("root", "1bad", Secret.of("")).pinnedCertificate("AB:CD")
                .readTimeout(Duration.ZERO).maxHeavyTasksPerNode(0);
        assertThatThrownBy(b::build).isInstanceOf(ValidationException.class).satisfies(e -> {
            var fields = ((ValidationException) e).violations().stream().map(Violation::field).toList();
            assertThat(fields).contains("baseUrl", "apiToken.user", "apiToken.tokenId", "apiToken.secret", "pinnedCertificate", "readTimeout",
                    "maxHeavyTasksPerNode");
        });
    }

    @Test
    void refusesAMalformedUrlNamingIt() {
        assertThatThrownBy(() -> PveClient.builder().baseUrl("https://pve lab:8006").apiToken("root@pam", "ops", SECRET).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("baseUrl").hasMessageContaining("pve lab");
    }

    @Test
    void refusesATokenIdWithoutBang() {
        assertThatThrownBy(() -> PveClient.builder().baseUrl("https://pve").apiToken("root@pam", SECRET).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("user@realm!tokenid");
    }

    @Test
    void requiresCredentials() {
        assertThatThrownBy(() -> PveClient.builder().baseUrl("https://pve").build()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("credentials");
    }

    @Test
    void refusesATicketRenewalLaterThanTheTicketLifetime() {
        assertThatThrownBy(() -> PveClient.builder().baseUrl("https://pve").login("root@pam", Secret.of("pw-123"))
                .ticketRenewAfter(Duration.ofHours(2)).build()).isInstanceOf(ValidationException.class).hasMessageContaining("2 hours");
    }

    @Test
    void refusesBothCaAndPin() throws Exception {
        var cert = new okhttp3.tls.HeldCertificate.Builder().commonName("pve").build().certificate();
        assertThatThrownBy(() -> PveClient.builder().baseUrl("https://pve").apiToken("root@pam", "ops", SECRET).trustCertificate(cert)
                .pinnedCertificate("00".repeat(32)).build()).isInstanceOf(ValidationException.class).hasMessageContaining("not several");
    }

    @Test
    void newBuilderMakesAVariant() {
        PveClient a = PveClient.builder().baseUrl("https://pve").apiToken("root@pam", "ops", SECRET).build();
        PveClient b = a.newBuilder().name("other").build();
        assertThat(b.name()).isEqualTo("other");
        assertThat(b.apiBase()).isEqualTo(a.apiBase());
    }

    @Test
    void toStringNeverShowsTheSecret() {
        PveClient c = PveClient.builder().baseUrl("https://pve").apiToken("root@pam", "ops", SECRET).build();
        assertThat(c.toString()).doesNotContain(SECRET.reveal());
    }
}
