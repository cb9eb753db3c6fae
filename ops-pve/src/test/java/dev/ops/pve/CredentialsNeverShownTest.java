package dev.ops.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ops.core.error.ApiException;
import dev.ops.core.error.OpsException;
import dev.ops.core.secret.Secret;
import dev.ops.pve.error.PveHttpError;
import dev.ops.pve.testing.MiniPve;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server may quote what it was sent in its error (a refused password, a token): no exception of the client shows
 * the token secret, password or ticket, in its message or in the server's words it hands on.
 */
@Timeout(20)
class CredentialsNeverShownTest {
    private final MiniPve pve = MiniPve.start();

    @AfterEach
    void stop() {
        pve.close();
    }

    private static String everythingShown(OpsException e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        if (e instanceof PveHttpError h) {
            sb.append(' ').append(h.call().serverMessage());
        }
        if (e instanceof ApiException a) {
            sb.append(' ').append(a.fieldErrors());
        }
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            sb.append(' ').append(c.getMessage());
            if (c instanceof PveHttpError h) {
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
        pve.script("GET", "/version", new MockResponse().setStatus("HTTP/1.1 500 token " + MiniPve.TOKEN_SECRET + " looks odd")
                .setHeader("Content-Type", "application/json").setBody("{\"data\":null}"));
        OpsException e = catchThrowableOfType(OpsException.class, () -> pve.clientBuilder().retryPolicy(RetryPolicy.none()).build().version());
        assertThat(everythingShown(e)).contains("looks odd").doesNotContain(MiniPve.TOKEN_SECRET);
    }

    @Test
    void aServerQuotingThePasswordInAFieldErrorIsNotQuotedOn() {
        String password = "quoted-pass-3141";
        pve.script("POST", "/access/ticket", MiniPve.fieldErrors(Map.of("password", "value '" + password + "' is too weak")));
        OpsException e = catchThrowableOfType(OpsException.class,
                () -> pve.clientBuilder().login("root@pam", Secret.of(password)).build().version());
        assertThat(everythingShown(e)).contains("too weak").doesNotContain(password);
    }

    @Test
    void aServerQuotingTheTicketInItsMessageIsNotQuotedOn() {
        PveClient c = pve.clientBuilder().login("root@pam", Secret.of(pve.password)).retryPolicy(RetryPolicy.none()).build();
        c.version();
        String ticket = pve.ticketsIssued.get(0);
        pve.script("GET", "/nodes", new MockResponse().setStatus("HTTP/1.1 500 stale session " + ticket)
                .setHeader("Content-Type", "application/json").setBody("{\"data\":null}"));
        OpsException e = catchThrowableOfType(OpsException.class, c::nodes);
        assertThat(everythingShown(e)).contains("stale session").doesNotContain(ticket);
    }
}
