package dev.ops.core.host.internal.ssh;

import dev.ops.core.text.AsciiNumbers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.schmizz.sshj.common.Buffer;

/**
 * A known_hosts file read as OpenSSH reads it (sshd(8), "SSH_KNOWN_HOSTS FILE FORMAT"): an optional
 * marker ({@code @cert-authority} or {@code @revoked}), comma-separated host patterns ({@code *},
 * {@code ?}, {@code !} negation, {@code [host]:port}) or one hashed name ({@code |1|salt|hash}),
 * the key type and the base64 key, then a comment.
 *
 * <p>Lines that cannot be read are kept as {@link Problem}s rather than dropped: a malformed marker
 * line, or one with an unknown marker, may have been meant to revoke a key, so the checker refuses
 * to trust anything from a file that has one; a malformed plain line for the host being checked
 * makes that host uncheckable (it is neither "known" nor "unknown").
 */
final class KnownHosts {
    /** The marker of a line, if any. */
    enum Marker {
        NONE, CERT_AUTHORITY, REVOKED
    }

    /** One readable line: the marker, the host field, the key type named and the key. */
    record Entry(int line, Marker marker, String hosts, String keyType, byte[] keyBlob, PublicKey key) {

        /** Whether this line's host field matches {@code name} (already in {@code [host]:port} form). */
        boolean matches(String name) {
            return hostFieldMatches(hosts, name);
        }
    }

    /** A line that could not be read, and what its host field is (null when not even that could be read). */
    record Problem(int line, Marker marker, String markerText, String hosts, String reason) {
        boolean markerLine() {
            return markerText != null;
        }
    }

    private final Path file;
    private final List<Entry> entries;
    private final List<Problem> problems;

    private KnownHosts(Path file, List<Entry> entries, List<Problem> problems) {
        this.file = file;
        this.entries = List.copyOf(entries);
        this.problems = List.copyOf(problems);
    }

    /** Reads the file; a file that does not exist has no entries. */
    static KnownHosts read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new KnownHosts(file, List.of(), List.of());
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        List<Entry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            parse(i + 1, lines.get(i), entries, problems);
        }
        return new KnownHosts(file, entries, problems);
    }

    Path file() {
        return file;
    }

    List<Entry> entries() {
        return entries;
    }

    List<Problem> problems() {
        return problems;
    }

    /** The name OpenSSH looks up: the host itself on port 22, {@code [host]:port} on any other. */
    static String lookupName(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        return port == 22 ? h : "[" + h + "]:" + port;
    }

    private static void parse(int lineNo, String raw, List<Entry> entries, List<Problem> problems) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        String[] f = line.split("[ \\t]+");
        int i = 0;
        Marker marker = Marker.NONE;
        String markerText = null;
        if (f[0].startsWith("@")) {
            markerText = f[0];
            marker = switch (f[0]) {
                case "@cert-authority" -> Marker.CERT_AUTHORITY;
                case "@revoked" -> Marker.REVOKED;
                default -> null;
            };
            if (marker == null) {
                problems.add(new Problem(lineNo, Marker.NONE, markerText, f.length > 1 ? f[1] : null,
                        "unknown marker " + markerText));
                return;
            }
            i = 1;
        }
        if (f.length - i < 3) {
            problems.add(new Problem(lineNo, marker, markerText, f.length > i ? f[i] : null,
                    "expected host patterns, key type and key"));
            return;
        }
        String hosts = f[i];
        String type = f[i + 1];
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(f[i + 2]);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(lineNo, marker, markerText, hosts, "the key is not base64"));
            return;
        }
        String hostProblem = checkHostField(hosts);
        if (hostProblem != null) {
            problems.add(new Problem(lineNo, marker, markerText, null, hostProblem));
            return;
        }
        String blobType;
        PublicKey key;
        try {
            blobType = new Buffer.PlainBuffer(blob).readString();
            key = new Buffer.PlainBuffer(blob).readPublicKey();
        } catch (Buffer.BufferException | RuntimeException e) {
            problems.add(new Problem(lineNo, marker, markerText, hosts, "the key cannot be decoded (" + e.getMessage() + ")"));
            return;
        }
        if (!blobType.equals(type)) {
            problems.add(new Problem(lineNo, marker, markerText, hosts,
                    "the key type " + type + " does not match the key, which is " + blobType));
            return;
        }
        entries.add(new Entry(lineNo, marker, hosts, type, blob, key));
    }

    /** Why a host field is malformed, or null. */
    private static String checkHostField(String hosts) {
        if (hosts.startsWith("|")) {
            String[] p = hosts.split("\\|", -1);
            if (p.length != 4 || !p[0].isEmpty() || !p[1].equals("1")) {
                return "a hashed host name must read |1|salt|hash";
            }
            try {
                if (Base64.getDecoder().decode(p[2]).length == 0 || Base64.getDecoder().decode(p[3]).length != 20) {
                    return "a hashed host name must have a salt and a 20-byte hash";
                }
            } catch (IllegalArgumentException e) {
                return "a hashed host name is not base64";
            }
            return null;
        }
        for (String pattern : hosts.split(",", -1)) {
            String p = pattern.startsWith("!") ? pattern.substring(1) : pattern;
            if (p.isEmpty()) {
                return "an empty host pattern";
            }
            if (p.startsWith("[")) {
                int close = p.indexOf("]:");
                if (close < 0) {
                    return "host pattern " + pattern + " must read [host]:port";
                }
                String port = p.substring(close + 2);
                // the port may be a pattern too ([host]:*), but its digits are ASCII ones
                if (!port.chars().allMatch(c -> AsciiNumbers.isDigit((char) c) || c == '*' || c == '?')) {
                    return "host pattern " + pattern + " has a port that is not a number";
                }
                if (AsciiNumbers.isDigits(port) && (port.length() > 5 || AsciiNumbers.parseInt(port) > 65535)) {
                    return "host pattern " + pattern + " has a port out of range";
                }
            }
        }
        return null;
    }

    /** OpenSSH's match_hostname over a line's host field: a positive match and no negated one. */
    static boolean hostFieldMatches(String hosts, String name) {
        if (hosts.startsWith("|")) {
            return hashedMatches(hosts, name);
        }
        boolean positive = false;
        for (String pattern : hosts.toLowerCase(Locale.ROOT).split(",", -1)) {
            boolean negated = pattern.startsWith("!");
            String p = negated ? pattern.substring(1) : pattern;
            if (wildcardMatches(p, 0, name, 0)) {
                if (negated) {
                    return false;
                }
                positive = true;
            }
        }
        return positive;
    }

    private static boolean hashedMatches(String hashed, String name) {
        String[] p = hashed.split("\\|", -1);
        try {
            byte[] salt = Base64.getDecoder().decode(p[2]);
            byte[] want = Base64.getDecoder().decode(p[3]);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return MessageDigest.isEqual(want, mac.doFinal(name.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** OpenSSH's match_pattern: {@code *} any run of characters, {@code ?} any one character. */
    static boolean wildcardMatches(String pattern, int pi, String s, int si) {
        while (pi < pattern.length()) {
            char c = pattern.charAt(pi);
            if (c == '*') {
                while (pi < pattern.length() && pattern.charAt(pi) == '*') {
                    pi++;
                }
                if (pi == pattern.length()) {
                    return true;
                }
                for (int k = si; k <= s.length(); k++) {
                    if (wildcardMatches(pattern, pi, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || (c != '?' && c != s.charAt(si))) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }
}
