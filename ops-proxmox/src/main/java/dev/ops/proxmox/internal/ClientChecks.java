package dev.ops.proxmox.internal;

import dev.ops.proxmox.ProxmoxClient;
import dev.ops.core.error.Violations;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** The checks a {@code ProxmoxClient.Settings} makes when its client is built of credentials, timeouts and plain HTTP, each problem added by field. */
public final class ClientChecks {
    private static final Pattern USER = Pattern.compile("[^\\s:/@!]+@[A-Za-z][A-Za-z0-9.\\-_]+");
    private static final Pattern TOKEN_ID = Pattern.compile("[A-Za-z][A-Za-z0-9.\\-_]+");

    private ClientChecks() {}

    /** Checks the credentials given ({@code tokenProblem}: why a full token id could not be split); gives the auth to use. */
    public static Auth credentials(Violations v, Auth auth, String tokenProblem, Supplier<String> totp) {
        Auth out = auth;
        if (tokenProblem != null) {
            v.add("apiToken", tokenProblem);
        } else if (auth == null) {
            v.add("credentials", "give apiToken(user, tokenId, secret) or login(user, password)");
        } else if (auth instanceof Auth.Token t) {
            v.check(t.user() != null && USER.matcher(t.user()).matches(), "apiToken.user",
                    "'" + t.user() + "' must be user@realm, e.g. root@pam");
            v.check(t.tokenId() != null && TOKEN_ID.matcher(t.tokenId()).matches(), "apiToken.tokenId",
                    "'" + t.tokenId() + "' must start with a letter and hold only letters, digits, . - _");
            v.check(t.secret() != null && !t.secret().isEmpty(), "apiToken.secret", "must not be empty");
        } else if (auth instanceof Auth.Password p) {
            v.check(p.user() != null && USER.matcher(p.user()).matches(), "login.user",
                    "'" + p.user() + "' must be user@realm, e.g. root@pam");
            v.check(p.password() != null && !p.password().isEmpty(), "login.password", "must not be empty");
            out = new Auth.Password(p.user(), p.password(), totp);
        }
        if (totp != null && auth instanceof Auth.Token) {
            v.add("totp", "a second factor applies to login(user, password), not to API tokens");
        }
        return out;
    }

    /** A duration that must be positive. */
    public static void positive(Violations v, Duration d, String field) {
        v.check(d != null && !d.isNegative() && !d.isZero(), field, "must be positive");
    }

    /** Positive, at least a millisecond and at most {@link Integer#MAX_VALUE} ms (about 24 days), as sockets count it. */
    public static void timeout(Violations v, Duration d, String field) {
        if (d == null || d.isNegative() || d.isZero()) {
            v.add(field, "must be positive");
        } else if (d.compareTo(Duration.ofMillis(1)) < 0) {
            v.add(field, "must be at least 1 ms, not " + d);
        } else if (d.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
            v.add(field, "must be at most " + Duration.ofMillis(Integer.MAX_VALUE) + ", not " + d);
        }
    }

    /** Plain HTTP carries the token, password or ticket in clear text: refused but for a loopback test server asked for by name. */
    public static void plainHttp(Violations v, BaseUrl url, boolean toLoopbackAllowed, java.util.Collection<String> tlsSettings) {
        String shown = "http://" + url.defaultName();
        if (!toLoopbackAllowed) {
            v.add("baseUrl", "'" + shown + "' is plain HTTP: the API token, password and ticket would cross the network in clear"
                    + " text; use https (a loopback test server may be allowed with allowPlainHttpToLoopback())");
        } else if (!BaseUrl.isLoopback(url.host())) {
            v.add("baseUrl", "'" + shown + "' is plain HTTP to " + url.host() + ", which is not loopback: allowPlainHttpToLoopback()"
                    + " allows only localhost, 127.0.0.0/8 and ::1; use https");
        }
        if (!tlsSettings.isEmpty()) {
            v.add("baseUrl", "'" + shown + "' is plain HTTP, but TLS settings were given (" + String.join(", ", tlsSettings)
                    + "): they would be ignored; use https");
        }
    }
}
