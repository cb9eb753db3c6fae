package dev.ops.proxmox.change;

import dev.ops.core.secret.Redactor;
import java.util.Map;
import java.util.Set;
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
    /** This JVM's key for references; made once, never stored. */
    private static final javax.crypto.spec.SecretKeySpec KEY = newKey();

    private SecretParams() {}

    private static javax.crypto.spec.SecretKeySpec newKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256");
    }

    /**
     * The reference of {@code value}: the same value gives the same reference in this JVM (so that a
     * plan made again under the change's lock equals the reviewed one), and nothing outside it can
     * tell the value from the reference (a keyed hash whose key never leaves the JVM).
     */
    static String hide(String value) {
        Redactor.global().register(value);
        String ref = PREFIX + reference(value);
        VALUES.put(ref, value);
        return ref;
    }

    private static String reference(String value) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(KEY);
            return java.util.HexFormat.of().formatHex(mac.doFinal(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 16);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
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
