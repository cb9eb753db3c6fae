package dev.ops.pve.change;

import dev.ops.core.secret.Redactor;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps secret parameter values (passwords) out of the journal: an action stores a reference, and
 * the value lives only in this JVM. A forward step is only ever run by the JVM that planned it;
 * undo steps never carry secrets.
 */
final class SecretParams {
    static final String PREFIX = "@secret:";
    /** Parameters whose values are secrets. */
    static final Set<String> NAMES = Set.of("password", "cipassword", "new-password", "secret", "token");
    private static final Map<String, String> VALUES = new ConcurrentHashMap<>();

    private SecretParams() {}

    static String hide(String value) {
        Redactor.global().register(value);
        String ref = PREFIX + UUID.randomUUID();
        VALUES.put(ref, value);
        return ref;
    }

    static String reveal(String name, String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            return value;
        }
        String v = VALUES.get(value);
        if (v == null) {
            throw new dev.ops.core.error.OpsException("the secret parameter '" + name
                    + "' of this step was only held by the process that planned it; plan the change again");
        }
        return v;
    }
}
