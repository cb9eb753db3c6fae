package dev.ops.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.AuthenticationException;
import dev.ops.core.secret.Secret;
import dev.ops.pve.testing.FakeTime;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class AuthTest {
    private static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";
    private final ServerClock serverClock = new ServerClock();
    private final PveFakeServer pve = Fakes.cluster().clock(serverClock).start();
    private final FakeTime time = new FakeTime();

    /** The fake's clock, moved by the test (ticket expiry is the server's business). */
    private static final class ServerClock extends Clock {
        private volatile Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @AfterEach
    void stop() {
        pve.close(); // strict: fails on any request the real API would refuse
    }

    private PveClient loginClient() {
        return Fakes.clientBuilder(pve).login("root@pam", Secret.of(Fakes.PASSWORD)).timeSource(time).build();
    }

    @Test
    void sendsTheApiTokenHeader() {
        Fakes.client(pve).version();
        assertThat(pve.requests().get(0).header("Authorization")).contains("PVEAPIToken=root@pam!ops=" + Fakes.TOKEN_SECRET);
    }

    @Test
    void aWrongTokenIsAnAuthenticationErrorThatNamesTheCall() {
        PveClient c = Fakes.clientBuilder(pve).apiToken("root@pam", "ops", Secret.of("wrong-secret-value")).build();
        assertThatThrownBy(c::version).isInstanceOf(AuthenticationException.class).hasMessageContaining("GET /version")
                .hasMessageContaining("401").hasMessageNotContaining("wrong-secret-value");
    }

    @Test
    void logsInOnceAndSendsTheTicketCookie() {
        PveClient c = loginClient();
        c.version();
        c.version();
        assertThat(Fakes.calls(pve, "POST", "/access/ticket")).hasSize(1);
        assertThat(Fakes.calls(pve, "GET", "/version").get(1).header("Cookie").orElseThrow()).startsWith("PVEAuthCookie=PVE");
        assertThat(Fakes.calls(pve, "GET", "/version").get(1).principal()).isEqualTo("root@pam");
    }

    @Test
    void sendsTheCsrfTokenOnWritesOnly() {
        pve.seed(b -> b.vm(101, "pve1", vm -> vm.name("web")));
        PveClient c = loginClient();
        c.node("pve1").qemu().vm(101).config();
        c.api().put("/nodes/{node}/qemu/{vmid}/config", java.util.Map.of("node", "pve1", "vmid", 101, "cores", 4));
        assertThat(Fakes.calls(pve, "GET", "/config").get(0).header("CSRFPreventionToken")).isEmpty();
        assertThat(Fakes.calls(pve, "PUT", "/config").get(0).header("CSRFPreventionToken")).isNotEmpty();
        assertThat(pve.guest(101).orElseThrow().config()).containsEntry("cores", "4");
    }

    @Test
    void renewsTheTicketBeforeItExpiresWithTheTicketNotThePassword() {
        PveClient c = loginClient();
        c.version();
        // From here the configured password is wrong: only a renewal with the ticket can succeed.
        c.api().put("/access/password", Map.of("userid", "root@pam", "password", "a-new-password-1",
                "confirmation-password", Fakes.PASSWORD));
        time.advance(Duration.ofMinutes(91));
        c.version();
        var logins = Fakes.calls(pve, "POST", "/access/ticket");
        assertThat(logins).as("the renewal succeeded though the password no longer does").hasSize(2)
                .allSatisfy(l -> assertThat(l.status()).isEqualTo(200));
    }

    @Test
    void logsInAgainWhenTheServerRefusesAnExpiredTicket() {
        PveClient c = loginClient();
        c.version();
        serverClock.now = serverClock.now.plus(Duration.ofHours(3)); // the server's 2 hours are over; the client's are not
        assertThat(c.version().version()).isNotEmpty();
        assertThat(Fakes.calls(pve, "POST", "/access/ticket")).hasSize(2);
    }

    @Test
    void aWrongPasswordIsAnAuthenticationError() {
        PveClient c = Fakes.clientBuilder(pve).login("root@pam", Secret.of("not-the-password")).build();
        assertThatThrownBy(c::version).isInstanceOf(AuthenticationException.class).hasMessageContaining("login refused")
                .hasMessageNotContaining("not-the-password");
    }

    private static PveFakeServer totpServer() {
        return PveFakeServer.builder().node("pve1").userWithTotp("root@pam", Fakes.PASSWORD, TOTP_SECRET, acl -> { }).start();
    }

    @Test
    void completesATotpSecondFactor() {
        try (PveFakeServer totp = totpServer()) {
            PveClient c = Fakes.clientBuilder(totp).login("root@pam", Secret.of(Fakes.PASSWORD))
                    .totp(() -> totp.totpCode("root@pam")).build();
            assertThat(c.version().version()).isNotEmpty();
            var logins = Fakes.calls(totp, "POST", "/access/ticket");
            assertThat(logins).hasSize(2).allSatisfy(l -> assertThat(l.status()).isEqualTo(200));
            assertThat(logins.get(1).param("tfa-challenge")).as("the second step answers the challenge").isPresent();
        }
    }

    @Test
    void aSecondFactorWithoutACodeSupplierIsAClearError() {
        try (PveFakeServer totp = totpServer()) {
            PveClient c = Fakes.clientBuilder(totp).login("root@pam", Secret.of(Fakes.PASSWORD)).timeSource(time).build();
            assertThatThrownBy(c::version).isInstanceOf(AuthenticationException.class).hasMessageContaining("second factor");
        }
    }
}
