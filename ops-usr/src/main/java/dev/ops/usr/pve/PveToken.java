package dev.ops.usr.pve;

import dev.ops.core.secret.Secret;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Proxmox VE API token. Proxmox shows a token's secret only once, in the answer to the call that
 * creates it: {@link #secret()} holds it in the value that the creating apply returns, and is empty
 * everywhere else (reads, later applies, rollbacks). The secret is a {@link Secret}, masked in
 * every rendering; it never reaches the journal.
 */
@Value.Immutable
public abstract class PveToken {

    /** The owner, {@code name@realm}. */
    public abstract String userid();

    /** The token's own id. */
    public abstract String tokenid();

    /** The comment, if set. */
    public abstract Optional<String> comment();

    /** When the token expires; empty for never (or "as the user"). */
    public abstract Optional<Instant> expire();

    /** Whether the token has its own ACLs (true) or the user's full privileges. */
    public abstract boolean privilegeSeparation();

    /** The secret, present only in the result of the apply that created the token. */
    public abstract Optional<Secret> secret();

    /** The full id, {@code user@realm!tokenid}, as ACLs and the {@code PVEAPIToken} header name it. */
    public String fullId() {
        return userid() + "!" + tokenid();
    }

    /** The {@code Authorization} header value for this token, when its secret is known. */
    public Optional<Secret> authorizationHeader() {
        return secret().map(s -> Secret.of("PVEAPIToken=" + fullId() + "=" + s.reveal()));
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's settings, to derive a changed copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link PveToken}. */
    public static final class Builder extends ImmutablePveToken.Builder {}
}
