package dev.ops.core.journal;

import dev.ops.core.error.Violations;
import dev.ops.core.secret.Secret;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key the journal encrypts secret-bearing step data with (AES-256-GCM), supplied by the user
 * and never stored by ops. Without one, such data is kept out of the journal: the process that
 * applied can still roll back, another process (crash recovery) cannot, and the plan says so.
 *
 * <pre>{@code
 * Ops ops = Ops.builder().store(store).journalKey(JournalKey.fromBase64(System.getenv("OPS_JOURNAL_KEY"))).build();
 * }</pre>
 */
public final class JournalKey {
    private final SecretKey key;
    private final String id;

    private JournalKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "AES");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            this.id = HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A key of exactly 32 random bytes. */
    public static JournalKey of(byte[] bytes) {
        Violations.of("journal key").check(bytes != null && bytes.length == 32, "key",
                "must be 32 bytes (AES-256), was " + (bytes == null ? "null" : bytes.length + " bytes")).throwIfAny();
        return new JournalKey(bytes.clone());
    }

    /** A key given as the base64 of 32 bytes (e.g. {@code openssl rand -base64 32}). */
    public static JournalKey fromBase64(Secret base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.reveal().strip());
        } catch (IllegalArgumentException e) {
            Violations.of("journal key").add("key", "is not base64").throwIfAny();
            throw e;
        }
        return of(bytes);
    }

    /** A short fingerprint that names the key in sealed records, so that the wrong key is told apart from damage. */
    public String id() {
        return id;
    }

    SecretKey secretKey() {
        return key;
    }

    @Override
    public String toString() {
        return "JournalKey[" + id + "]";
    }
}
