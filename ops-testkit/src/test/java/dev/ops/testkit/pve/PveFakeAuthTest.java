package dev.ops.testkit.pve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Tokens, tickets, CSRF, TOTP and privilege checks behave like Proxmox VE's. */
@Timeout(30)
class PveFakeAuthTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private PveFakeServer pve;

    @BeforeEach
    void start() {
        pve = PveFakeServer.builder().node("pve-01")
                .vm(100, "pve-01", vm -> vm.name("a")).vm(101, "pve-01", vm -> vm.name("b"))
                .token("root@pam", "ops", "secret")
                .token("ci@pve", "ro", "ro-secret", acl -> acl.grant("/vms/101", "VM.Audit"))
                .user("root@pam", "rootpw")
                .user("alice@pve", "alicepw", acl -> acl.grant("/vms", "PVEAuditor"))
                .userWithTotp("bob@pve", "bobpw", "JBSWY3DPEHPK3PXP", acl -> acl.grant("/", "Administrator"))
                .clock(clock).taskDuration(Duration.ZERO).strict(false)
                .start();
    }

    @AfterEach
    void stop() {
        pve.close();
    }

    private PveHttp.Answer login(String user, String password) {
        return PveHttp.anonymous(pve).post("/access/ticket", "username", user, "password", password);
    }

    private PveHttp ticketClient(PveHttp.Answer login) {
        return PveHttp.anonymous(pve).header("Cookie", "PVEAuthCookie=" + PveHttp.enc(login.data().path("ticket").asText()));
    }

    @Test
    void tokenWithTheRightSecretIsAccepted() {
        var a = PveHttp.withToken(pve).get("/version");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.data().path("release").asText()).isEqualTo("9.1");
        assertThat(pve.requests()).last().extracting(RecordedCall::principal).isEqualTo("root@pam!ops");
    }

    @Test
    void tokenWithAWrongSecretIsRefusedWith401() {
        var a = PveHttp.anonymous(pve).header("Authorization", "PVEAPIToken=root@pam!ops=wrong").get("/version");
        assertThat(a.status()).isEqualTo(401);
    }

    @Test
    void requestWithoutCredentialsIsRefusedWith401() {
        assertThat(PveHttp.anonymous(pve).get("/nodes").status()).isEqualTo(401);
    }

    @Test
    void loginReturnsATicketInPvesFormatAndACsrfToken() {
        var a = login("root@pam", "rootpw");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.data().path("ticket").asText()).matches("PVE:root@pam:[0-9A-F]{8}::.+");
        assertThat(a.data().path("CSRFPreventionToken").asText()).matches("[0-9A-F]{8}:.+");
        assertThat(a.data().path("username").asText()).isEqualTo("root@pam");
    }

    @Test
    void recordedRequestsNeverShowThePassword() {
        login("root@pam", "rootpw");
        assertThat(pve.requests()).last().satisfies(r -> {
            assertThat(r.params()).containsEntry("password", "*****").containsEntry("username", "root@pam");
            assertThat(r.status()).isEqualTo(200);
        });
    }

    @Test
    void loginWithAWrongPasswordIsRefused() {
        assertThat(login("root@pam", "nope").status()).isEqualTo(401);
    }

    @Test
    void ticketCookieAuthenticatesReads() {
        var a = ticketClient(login("root@pam", "rootpw")).get("/nodes");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.data().get(0).path("node").asText()).isEqualTo("pve-01");
    }

    @Test
    void writeWithATicketButNoCsrfTokenIsRefusedWith401() {
        var a = ticketClient(login("root@pam", "rootpw")).post("/nodes/pve-01/qemu/100/status/start");
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.message()).contains("invalid csrf token");
    }

    @Test
    void writeWithATicketAndItsCsrfTokenSucceeds() {
        var login = login("root@pam", "rootpw");
        var a = ticketClient(login).header("CSRFPreventionToken", login.data().path("CSRFPreventionToken").asText())
                .post("/nodes/pve-01/qemu/100/status/start");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.data().asText()).startsWith("UPID:pve-01:").contains(":qmstart:100:root@pam:");
    }

    @Test
    void ticketExpiresAfterTwoHoursOfTheServerClock() {
        PveHttp client = ticketClient(login("root@pam", "rootpw"));
        clock.advance(Duration.ofMinutes(119));
        assertThat(client.get("/version").status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        assertThat(client.get("/version").status()).isEqualTo(401);
    }

    @Test
    void aValidTicketRenewsItselfAsPassword() {
        var first = login("root@pam", "rootpw");
        clock.advance(Duration.ofMinutes(90));
        var renewed = login("root@pam", first.data().path("ticket").asText());
        assertThat(renewed.status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(90));
        assertThat(ticketClient(renewed).get("/version").status()).isEqualTo(200);
    }

    @Test
    void endpointWithAllowtokenZeroRefusesApiTokens() {
        var a = PveHttp.withToken(pve).put("/access/password", "userid", "alice@pve", "password", "newpassword1");
        assertThat(a.status()).isEqualTo(403);
    }

    @Test
    void missingPrivilegeAnswers403NamingPathAndPrivilege() {
        var ro = PveHttp.anonymous(pve).header("Authorization", pve.tokens().get(1).authorizationHeader());
        var a = ro.post("/nodes/pve-01/qemu/101/clone", "newid", "200");
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.message()).isEqualTo("Permission check failed (/vms/101, VM.Clone)");
    }

    @Test
    void grantedPrivilegeIsEnough() {
        var ro = PveHttp.anonymous(pve).header("Authorization", pve.tokens().get(1).authorizationHeader());
        assertThat(ro.get("/nodes/pve-01/qemu/101/status/current").status()).isEqualTo(200);
        assertThat(ro.get("/nodes/pve-01/qemu/100/status/current").status()).isEqualTo(403);
    }

    @Test
    void clusterResourcesShowOnlyWhatThePrincipalMayAudit() {
        var ro = PveHttp.anonymous(pve).header("Authorization", pve.tokens().get(1).authorizationHeader());
        var a = ro.get("/cluster/resources");
        assertThat(a.data()).extracting(n -> n.path("id").asText()).containsExactly("qemu/101");
    }

    @Test
    void permissionsListThePrivilegesPerPath() {
        var a = ticketClient(login("alice@pve", "alicepw")).get("/access/permissions", "path", "/vms/100");
        assertThat(a.data().path("/vms/100").has("VM.Audit")).isTrue();
        assertThat(a.data().path("/vms/100").has("VM.PowerMgmt")).isFalse();
    }

    @Test
    void totpUserGetsAHalfTicketThenAFullOneForTheRightCode() {
        var first = login("bob@pve", "bobpw");
        assertThat(first.data().path("NeedTFA").asInt()).isEqualTo(1);
        String half = first.data().path("ticket").asText();
        assertThat(ticketClient(first).get("/version").status()).isEqualTo(401);

        var wrong = PveHttp.anonymous(pve).post("/access/ticket", "username", "bob@pve", "tfa-challenge", half,
                "password", "totp:000000");
        assertThat(wrong.status()).isEqualTo(401);

        var second = PveHttp.anonymous(pve).post("/access/ticket", "username", "bob@pve", "tfa-challenge", half,
                "password", "totp:" + pve.totpCode("bob@pve"));
        assertThat(second.status()).isEqualTo(200);
        assertThat(ticketClient(second).get("/version").status()).isEqualTo(200);
    }

    @Test
    void totpMatchesTheRfc6238ReferenceVector() {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (8 digits) -> 287082 with 6 digits
        String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // "12345678901234567890"
        PveFakeServer fixed = PveFakeServer.builder().userWithTotp("t@pve", "p", secret, acl -> { })
                .clock(java.time.Clock.fixed(Instant.ofEpochSecond(59), java.time.ZoneOffset.UTC)).start();
        try {
            assertThat(fixed.totpCode("t@pve")).isEqualTo("287082");
        } finally {
            fixed.close();
        }
    }
}
