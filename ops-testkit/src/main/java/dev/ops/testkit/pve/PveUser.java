package dev.ops.testkit.pve;

import java.util.Objects;
import java.util.Optional;

/**
 * A user the fake server accepts at {@code POST /access/ticket}, optionally with a TOTP second factor.
 */
public final class PveUser {

    private final String userid;
    private final String password;
    private final String totpSecret;

    PveUser(String userid, String password, String totpSecret) {
        this.userid = Objects.requireNonNull(userid, "userid");
        this.password = Objects.requireNonNull(password, "password");
        this.totpSecret = totpSecret;
    }

    /** The user id with realm, e.g. {@code root@pam}. */
    public String userid() {
        return userid;
    }

    /** The password. */
    public String password() {
        return password;
    }

    /** The base32 TOTP secret when the user has a TOTP second factor. */
    public Optional<String> totpSecret() {
        return Optional.ofNullable(totpSecret);
    }

    @Override
    public String toString() {
        return "PveUser[" + userid + (totpSecret == null ? "" : ", totp") + "]";
    }
}
