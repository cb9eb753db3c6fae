package dev.ops.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.AuthenticationException;
import dev.ops.core.secret.Secret;
import dev.ops.pve.testing.FakeTime;
import dev.ops.pve.testing.MiniPve;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class AuthTest {
    private final MiniPve pve = MiniPve.start();
    private final FakeTime time = new FakeTime();

    @AfterEach
    void stop() {
        assertThat(pve.schemaProblems()).isEmpty();
        pve.close();
    }

    private PveClient loginClient() {
        return pve.clientBuilder().login("root@pam", Secret.of(pve.password)).timeSource(time).build();
    }

    @Test
    void sendsTheApiTokenHeader() {
        pve.client().version();
        assertThat(pve.requests.get(0).raw().getHeader("Authorization"))
                .isEqualTo("PVEAPIToken=root@pam!ops=" + MiniPve.TOKEN_SECRET);
    }

    @Test
    void aWrongTokenIsAnAuthenticationErrorThatNamesTheCall() {
        PveClient c = pve.clientBuilder().apiToken("root@pam", "ops", Secret.of("wrong-secret-value")).build();
        assertThatThrownBy(c::version).isInstanceOf(AuthenticationException.class).hasMessageContaining("GET /version")
                .hasMessageContaining("401").hasMessageNotContaining("wrong-secret-value");
    }

    @Test
    void logsInOnceAndSendsTheTicketCookie() {
        PveClient c = loginClient();
        c.version();
        c.version();
        assertThat(pve.requests("POST", "/access/ticket")).hasSize(1);
        assertThat(pve.requests("GET", "/version").get(1).raw().getHeader("Cookie")).startsWith("PVEAuthCookie=PVE:root@pam:");
    }

    @Test
    void sendsTheCsrfTokenOnWritesOnly() {
        pve.addGuest("pve1", "qemu", 101, "web");
        PveClient c = loginClient();
        c.node("pve1").qemu().vm(101).config();
        c.api().put("/nodes/{node}/qemu/{vmid}/config", java.util.Map.of("node", "pve1", "vmid", 101, "cores", 2));
        assertThat(pve.requests("GET", "/config").get(0).raw().getHeader("CSRFPreventionToken")).isNull();
        assertThat(pve.requests("PUT", "/config").get(0).raw().getHeader("CSRFPreventionToken")).startsWith("csrf-PVE:");
        assertThat(pve.guests.get(101).config).containsEntry("cores", "2");
    }

    @Test
    void renewsTheTicketBeforeItExpires() {
        PveClient c = loginClient();
        c.version();
        time.advance(Duration.ofMinutes(91));
        c.version();
        var logins = pve.requests("POST", "/access/ticket");
        assertThat(logins).hasSize(2);
        assertThat(logins.get(1).param("password")).isEqualTo(pve.ticketsIssued.get(0));
        assertThat(pve.requests("GET", "/version").get(1).raw().getHeader("Cookie")).contains(pve.ticketsIssued.get(1));
    }

    @Test
    void logsInAgainWhenTheServerRefusesAnExpiredTicket() {
        PveClient c = loginClient();
        c.version();
        pve.ticketsIssued.clear(); // the server forgot every ticket, as after its 2 hours
        assertThat(c.version().version()).isEqualTo("9.1.1");
        assertThat(pve.requests("POST", "/access/ticket")).hasSize(2);
    }

    @Test
    void aWrongPasswordIsAnAuthenticationError() {
        PveClient c = pve.clientBuilder().login("root@pam", Secret.of("not-the-password")).build();
        assertThatThrownBy(c::version).isInstanceOf(AuthenticationException.class).hasMessageContaining("login refused")
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void completesATotpSecondFactor() {
        pve.totpCode = "123456";
        PveClient c = pve.clientBuilder().login("root@pam", Secret.of(pve.password)).totp(() -> "123456").build();
        assertThat(c.version().version()).isEqualTo("9.1.1");
        var logins = pve.requests("POST", "/access/ticket");
        assertThat(logins).hasSize(2);
        assertThat(logins.get(1).param("tfa-challenge")).contains("!tfa!");
        assertThat(logins.get(1).param("password")).isEqualTo("totp:123456");
    }

    @Test
    void aSecondFactorWithoutACodeSupplierIsAClearError() {
        pve.totpCode = "123456";
        PveClient c = loginClient();
        assertThatThrownBy(c::version).isInstanceOf(AuthenticationException.class).hasMessageContaining("second factor");
    }
}
