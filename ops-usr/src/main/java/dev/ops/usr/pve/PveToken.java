package dev.ops.usr.pve;

import dev.ops.core.secret.Secret;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Proxmox VE API token. Proxmox shows a token's secret only once, in the answer to the call that
 * creates it: {@link #secret()} holds it in the value that the creating apply returns, and is empty
 * everywhere else (reads, later applies, rollbacks). The secret is a {@link Secret}, masked in
 * every rendering; it never reaches the journal.
 *
 * @param userid the owner, {@code name@realm}
 * @param tokenid the token's own id
 * @param comment the comment, if set
 * @param expire when the token expires; empty for never (or "as the user")
 * @param privilegeSeparation whether the token has its own ACLs (true) or the user's full privileges
 * @param secret the secret, present only in the result of the apply that created the token
 */
public record PveToken(String userid, String tokenid, Optional<String> comment, Optional<Instant> expire, boolean privilegeSeparation,
        Optional<Secret> secret) {

    public PveToken {
        Objects.requireNonNull(userid, "userid");
        Objects.requireNonNull(tokenid, "tokenid");
    }

    /** The full id, {@code user@realm!tokenid}, as ACLs and the {@code PVEAPIToken} header name it. */
    public String fullId() {
        return userid + "!" + tokenid;
    }

    /** The {@code Authorization} header value for this token, when its secret is known. */
    public Optional<Secret> authorizationHeader() {
        return secret.map(s -> Secret.of("PVEAPIToken=" + fullId() + "=" + s.reveal()));
    }
}
