package dev.ops.core.host.internal.ssh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;

/** Public key fingerprints and known_hosts lines in OpenSSH's formats. */
public final class Fingerprints {
    private Fingerprints() {}

    /** The key's wire encoding (the blob that known_hosts stores in base64). */
    public static byte[] blob(PublicKey key) {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }

    /** {@code SHA256:<base64 without padding>}, as {@code ssh-keygen -l} prints it. */
    public static String sha256(PublicKey key) {
        return sha256(blob(key));
    }

    /** The SHA256 fingerprint of a key blob. */
    public static String sha256(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Normalizes a user-given fingerprint: prefix {@code SHA256:} and no base64 padding. */
    public static String normalize(String fingerprint) {
        String f = fingerprint.strip();
        if (f.regionMatches(true, 0, "SHA256:", 0, 7)) {
            f = f.substring(7);
        }
        while (f.endsWith("=")) {
            f = f.substring(0, f.length() - 1);
        }
        return "SHA256:" + f;
    }

    /** Whether the text looks like a SHA256 fingerprint (43 base64 characters after the prefix). */
    public static boolean isSha256(String fingerprint) {
        return normalize(fingerprint).substring(7).matches("[A-Za-z0-9+/]{43}");
    }

    /** The known_hosts line for a host and key: {@code [host]:port type base64} (no brackets on port 22). */
    public static String knownHostsLine(String host, int port, PublicKey key) {
        String name = port == 22 ? host : "[" + host + "]:" + port;
        return name + " " + KeyType.fromKey(key) + " " + Base64.getEncoder().encodeToString(blob(key));
    }
}
