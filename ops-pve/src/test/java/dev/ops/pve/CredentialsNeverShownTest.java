package dev.ops.pve;

import dev.ops.proxmox.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import dev.ops.core.error.ApiException;
import dev.ops.core.error.OpsException;
import dev.ops.core.secret.Secret;
import dev.ops.proxmox.error.ProxmoxHttpError;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveAnswer;
import dev.ops.testkit.pve.PveFakeServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server may quote what it was sent in its error (a refused password, a token): no exception of the client shows
 * the token secret, password or ticket, in its message or in the server's words it hands on.
 */
@Timeout(20)
class CredentialsNeverShownTest {
    private final PveFakeServer pve = Fakes.cluster().start();

    @AfterEach
    void stop() {
        pve.close();
    }

    private static String everythingShown(OpsException e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        if (e instanceof ProxmoxHttpError h) {
            sb.append(' ').append(h.call().serverMessage());
        }
        if (e instanceof ApiException a) {
            sb.append(' ').append(a.fieldErrors());
        }
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            sb.append(' ').append(c.getMessage());
            if (c instanceof ProxmoxHttpError h) {
                sb.append(' ').append(h.call().serverMessage());
            }
            if (c instanceof ApiException a) {
                sb.append(' ').append(a.fieldErrors());
            }
        }
        return sb.toString();
    }

    @Test
    void aServerQuotingTheTokenSecretInItsReasonPhraseIsNotQuotedOn() {
        pve.answerNext("GET", "/version", PveAnswer.error(500, "token " + Fakes.TOKEN_SECRET + " looks odd"));
        OpsException e = catchThrowableOfType(OpsException.class, () -> Fakes.clientBuilder(pve).retryPolicy(RetryPolicy.none()).build().version());
        assertThat(everythingShown(e)).contains("looks odd").doesNotContain(Fakes.TOKEN_SECRET);
    }

    @Test
    void aServerQuotingThePasswordInAFieldErrorIsNotQuotedOn() {
        String password = "quoted-pass-3141";
        pve.answerNext("POST", "/access/ticket", PveAnswer.invalid(Map.of("password", "value '" + password + "' is too weak")));
        OpsException e = catchThrowableOfType(OpsException.class,
                () -> Fakes.clientBuilder(pve).login("root@pam", Secret.of(password)).build().version());
        assertThat(everythingShown(e)).contains("too weak").doesNotContain(password);
    }

    @Test
    void aServerQuotingTheTicketInItsMessageIsNotQuotedOn() {
        PveClient c = Fakes.clientBuilder(pve).login("root@pam", Secret.of(Fakes.PASSWORD)).retryPolicy(RetryPolicy.none()).build();
        c.version();
        // The ticket as the client sent it in its cookie (percent-escapes undone; a '+' of its base64 stays a '+').
        String ticket = java.net.URLDecoder.decode(Fakes.calls(pve, "GET", "/version").get(0).header("Cookie").orElseThrow()
                .substring("PVEAuthCookie=".length()).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        pve.answerNext("GET", "/nodes", PveAnswer.error(500, "stale session " + ticket));
        OpsException e = catchThrowableOfType(OpsException.class, c::nodes);
        assertThat(everythingShown(e)).contains("stale session").doesNotContain(ticket);
    }
}
