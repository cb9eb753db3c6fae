package dev.ops.testkit.pve;

import java.util.Objects;

/**
 * An API token the fake server accepts: {@code Authorization: PVEAPIToken=user@realm!name=secret}.
 *
 * @param userid the owning user, e.g. {@code root@pam}
 * @param name the token name, e.g. {@code ops}
 * @param secret the token secret
 */
public record PveApiToken(String userid, String name, String secret) {

    /** Checks that every part is present. */
    public PveApiToken {
        Objects.requireNonNull(userid, "userid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secret, "secret");
    }

    /** The full token id, {@code user@realm!name}. */
    public String tokenId() {
        return userid + "!" + name;
    }

    /** The value of the {@code Authorization} header that authenticates with this token. */
    public String authorizationHeader() {
        return "PVEAPIToken=" + tokenId() + "=" + secret;
    }

    @Override
    public String toString() {
        return "PveApiToken[" + tokenId() + "]";
    }
}
