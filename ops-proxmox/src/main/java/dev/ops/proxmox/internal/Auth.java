package dev.ops.proxmox.internal;

import dev.ops.core.secret.Secret;
import java.util.function.Supplier;

/** How the client authenticates. */
public sealed interface Auth permits Auth.Token, Auth.Password {

    /** The user this client acts as, e.g. {@code root@pam}. */
    String user();

    /** An API token: {@code PVEAPIToken=user@realm!tokenid=secret}, nothing to renew. */
    record Token(String user, String tokenId, Secret secret) implements Auth {
        /** The full token id, {@code user@realm!tokenid}. */
        public String fullId() {
            return user + "!" + tokenId;
        }
    }

    /** A user and password exchanged for a ticket; {@code totp} (nullable) gives the current one-time code. */
    record Password(String user, Secret password, Supplier<String> totp) implements Auth {}
}
