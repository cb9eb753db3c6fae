package dev.ops.usr.ssh;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violations;
import dev.ops.usr.ssh.internal.KeyBlob;
import dev.ops.usr.ssh.internal.KeyLineParser;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * One key line of an {@code authorized_keys} file: options, key type, the base64 blob and the
 * comment. Parsing checks the blob the way OpenSSH does: valid base64, the type inside the blob
 * matching the declared type, nothing truncated or left over.
 *
 * <pre>{@code
 * AuthorizedKey k = AuthorizedKey.parse("command=\"echo a,b\",no-pty ssh-ed25519 AAAAC3Nz... alice@laptop");
 * k.fingerprint();   // SHA256:... as ssh-keygen -lf prints it
 * }</pre>
 */
public record AuthorizedKey(List<KeyOption> options, SshKeyType type, String base64, String comment) {

    /** Copies the options and checks the whole key, listing every problem. */
    public AuthorizedKey {
        options = List.copyOf(options);
        Violations v = Violations.of("authorized key");
        check(options, type, base64, comment, v);
        v.throwIfAny();
    }

    /** A key without options or comment. */
    public static AuthorizedKey of(SshKeyType type, String base64) {
        return new AuthorizedKey(List.of(), type, base64, "");
    }

    /** Parses one line (a type name sshd takes for another, such as {@code rsa-sha2-512} for {@code ssh-rsa}, is read as that type); throws {@link ValidationException} naming every problem (with field names such as {@code base64} or {@code blob}). */
    public static AuthorizedKey parse(String line) {
        Violations v = Violations.of("authorized key line");
        KeyLineParser.Parts parts = KeyLineParser.split(line, v);
        v.throwIfAny();
        parts.optionsProblems().forEach(p -> v.add("options", p));
        SshKeyType type = KeyLineParser.type(parts.type()).orElse(null);
        if (type == null) {
            v.add("type", "unknown key type '" + parts.type() + "'; OpenSSH accepts " + java.util.Arrays.stream(SshKeyType.values())
                    .map(SshKeyType::wireName).collect(java.util.stream.Collectors.joining(", ")));
        }
        check(parts.options(), type, parts.base64(), parts.comment(), v);
        v.throwIfAny();
        return new AuthorizedKey(parts.options(), type, parts.base64(), parts.comment());
    }

    static void check(List<KeyOption> options, SshKeyType type, String base64, String comment, Violations v) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            KeyOption o = options.get(i);
            o.validate(v, "options[" + i + "]");
            String n = o.canonicalName();
            if ((n.equals("command") || n.equals("principals") || n.equals("from")) && !seen.add(n)) {
                v.add("options[" + i + "]", "option " + o.name() + " given twice (sshd refuses multiple \"" + n + "\" clauses)");
            }
        }
        v.check(comment != null && comment.chars().noneMatch(c -> c < 0x20 && c != '\t' || c == 0x7f) && comment.strip().equals(comment), "comment",
                "must be one line without control characters (NUL, CR, LF...) or leading or trailing blanks");
        byte[] blob = decode(base64, v);
        if (blob != null && type != null) {
            KeyBlob.parse(type, blob, v);
        }
    }

    private static byte[] decode(String base64, Violations v) {
        if (base64 == null || base64.isEmpty()) {
            v.add("base64", "the key data is missing");
            return null;
        }
        if (!base64.matches("[A-Za-z0-9+/]*={0,2}") || base64.length() % 4 != 0) {
            v.add("base64", "not valid base64 (only A-Z a-z 0-9 + / with '=' padding to a multiple of 4 characters): "
                    + (base64.length() > 24 ? base64.substring(0, 24) + "..." : base64));
            return null;
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            v.add("base64", "not valid base64: " + e.getMessage());
            return null;
        }
    }

    /** The decoded blob. */
    public byte[] blob() {
        return Base64.getDecoder().decode(base64);
    }

    /** The key size as {@code ssh-keygen -l} prints it (the modulus bits for RSA, the curve size for ECDSA, 256 for Ed25519). */
    public int bits() {
        return KeyBlob.parse(type, blob(), Violations.of("key")).bits();
    }

    /** The SHA256 fingerprint as {@code ssh-keygen -lf} prints it: {@code SHA256:} and unpadded base64 (of the certified key for a certificate). */
    public String fingerprint() {
        byte[] plain = KeyBlob.parse(type, blob(), Violations.of("key")).plainBlob();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plain);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The line {@code ssh-keygen -lf} prints for this key: bits, fingerprint, comment (or "no comment") and type label. */
    public String describe() {
        return bits() + " " + fingerprint() + " " + (comment.isEmpty() ? "no comment" : comment) + " (" + type.label() + ")";
    }

    /** Whether {@code other} is the same key (same type and blob), whatever its options and comment. */
    public boolean sameKey(AuthorizedKey other) {
        return type == other.type && base64.equals(other.base64);
    }

    /** This key with other options. */
    public AuthorizedKey withOptions(List<KeyOption> newOptions) {
        return new AuthorizedKey(newOptions, type, base64, comment);
    }

    /** The line as written in {@code authorized_keys}, without a newline. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < options.size(); i++) {
            out.append(i == 0 ? "" : ",").append(options.get(i).render());
        }
        if (!options.isEmpty()) {
            out.append(' ');
        }
        out.append(type.wireName()).append(' ').append(base64);
        if (!comment.isEmpty()) {
            out.append(' ').append(comment);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
