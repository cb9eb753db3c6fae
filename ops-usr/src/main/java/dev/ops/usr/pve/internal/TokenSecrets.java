package dev.ops.usr.pve.internal;

import dev.ops.core.secret.Secret;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory hand-off of token secrets from {@link CreateTokenAction} (which sees Proxmox's answer)
 * to the change's result (which gives it to the caller). Only a random hand-off id travels in the
 * action, so the secret never reaches the journal; entries are taken once and cleared when the
 * apply ends, whatever its outcome.
 */
public final class TokenSecrets {
    private static final Map<String, Secret> SECRETS = new ConcurrentHashMap<>();

    private TokenSecrets() {}

    /** A fresh hand-off id. */
    public static String newHandoff() {
        return UUID.randomUUID().toString();
    }

    static void put(String handoff, Secret secret) {
        SECRETS.put(handoff, secret);
    }

    /** Takes (and forgets) the secret left under {@code handoff}. */
    public static Optional<Secret> take(String handoff) {
        return Optional.ofNullable(SECRETS.remove(handoff));
    }

    /** Forgets the secret under {@code handoff}, if any. */
    public static void discard(String handoff) {
        SECRETS.remove(handoff);
    }
}
