package dev.ops.core.host.internal.ssh;

import com.hierynomus.sshj.userauth.certificate.Certificate;
import dev.ops.core.host.HostKeyPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies one connection's host key under a {@link HostKeyPolicy}, and remembers why it refused
 * (unknown, changed or revoked key, an unreadable known_hosts line, and the fingerprint) so that
 * the caller can throw a precise error.
 *
 * <p>known_hosts is read as OpenSSH reads it ({@link KnownHosts}): {@code @revoked} keys are
 * refused for the hosts their line matches, also when they are a certificate's key or its
 * signer; a host certificate is accepted when a {@code @cert-authority} line for the host lists
 * the key that signed it (sshj checks the certificate's signature, principals and validity during
 * key exchange; this check adds that it must be a host certificate), and otherwise its plain key
 * is checked like any other. A line that cannot be read never weakens the check: a malformed or
 * unknown marker line refuses every key from the file, and a malformed plain line that may be for
 * the host keeps the host from being taken for unknown.
 */
public final class HostKeyCheck implements HostKeyVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(HostKeyCheck.class);
    private static final ConcurrentMap<Path, Object> FILE_LOCKS = new ConcurrentHashMap<>();
    /** OpenSSH's SSH2_CERT_TYPE_HOST. */
    private static final long HOST_CERTIFICATE = 2;

    private final HostKeyPolicy policy;
    private final KnownHosts knownHosts;
    private volatile String refusal;
    private volatile String fingerprint;

    private HostKeyCheck(HostKeyPolicy policy, KnownHosts knownHosts) {
        this.policy = policy;
        this.knownHosts = knownHosts;
    }

    /** A fresh check for one connection attempt (reads the known_hosts file now). */
    public static HostKeyCheck of(HostKeyPolicy policy) throws IOException {
        return switch (policy) {
            case HostKeyPolicy.Strict s -> new HostKeyCheck(policy, knownHosts(s.knownHosts()));
            case HostKeyPolicy.AcceptNew a -> new HostKeyCheck(policy, knownHosts(a.knownHosts()));
            case HostKeyPolicy.Pinned p -> new HostKeyCheck(policy, null);
        };
    }

    /**
     * The parsed file, shared by every connection while the file is unchanged: parsing decodes
     * every key in it (an ed25519 point decompression each), which for a fleet of hosts listed in
     * one file would otherwise cost hosts x entries decodings per fan-out.
     */
    private static KnownHosts knownHosts(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Stamp stamp = Stamp.of(abs);
        Parsed cached = PARSED.get(abs);
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached.hosts();
        }
        synchronized (FILE_LOCKS.computeIfAbsent(abs, k -> new Object())) { // one parse when a fleet connects at once
            cached = PARSED.get(abs);
            stamp = Stamp.of(abs);
            if (cached != null && cached.stamp().equals(stamp)) {
                return cached.hosts();
            }
            KnownHosts parsed = KnownHosts.read(abs);
            PARSED.put(abs, new Parsed(stamp, parsed));
            return parsed;
        }
    }

    private record Stamp(long size, long modifiedNanos, Object fileKey) {
        static Stamp of(Path file) throws IOException {
            if (!Files.exists(file)) {
                return new Stamp(-1, -1, null);
            }
            var a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
            return new Stamp(a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), a.fileKey());
        }
    }

    private record Parsed(Stamp stamp, KnownHosts hosts) {}

    private static final ConcurrentMap<Path, Parsed> PARSED = new ConcurrentHashMap<>();

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        PublicKey plain = key instanceof Certificate<?> cert ? cert.getKey() : key;
        String fp = Fingerprints.sha256(plain);
        fingerprint = fp;
        switch (policy) {
            case HostKeyPolicy.Pinned p -> {
                if (Fingerprints.normalize(p.fingerprint()).equals(fp)) {
                    return true;
                }
                refusal = "host key does not match the pinned fingerprint " + Fingerprints.normalize(p.fingerprint());
                return false;
            }
            case HostKeyPolicy.Strict s -> {
                return check(hostname, port, key, s.knownHosts(), false);
            }
            case HostKeyPolicy.AcceptNew a -> {
                return check(hostname, port, key, a.knownHosts(), true);
            }
        }
    }

    private boolean check(String hostname, int port, PublicKey key, Path file, boolean acceptNew) {
        String name = KnownHosts.lookupName(hostname, port);
        for (KnownHosts.Problem p : knownHosts.problems()) {
            if (p.markerLine()) {
                refusal = file + " line " + p.line() + ": cannot read this " + p.markerText() + " line (" + p.reason()
                        + "); no host key from this file is trusted while it may hide a revocation";
                return false;
            }
        }
        Certificate<?> cert = key instanceof Certificate<?> c ? c : null;
        PublicKey plain = cert != null ? cert.getKey() : key;
        byte[] plainBlob = Fingerprints.blob(plain);
        List<byte[]> presented = new ArrayList<>(List.of(plainBlob));
        if (cert != null) {
            presented.add(cert.getSignatureKey());
        }
        for (KnownHosts.Entry e : knownHosts.entries()) {
            if (e.marker() == KnownHosts.Marker.REVOKED && e.matches(name)
                    && presented.stream().anyMatch(b -> Arrays.equals(b, e.keyBlob()))) {
                boolean signer = cert != null && Arrays.equals(cert.getSignatureKey(), e.keyBlob());
                refusal = (signer ? "host key is signed by the revoked certificate authority " + Fingerprints.sha256(e.keyBlob())
                        : "host key is revoked") + ": " + file + " line " + e.line() + " marks it @revoked for " + e.hosts();
                return false;
            }
        }
        String certNote = "";
        if (cert != null) {
            for (KnownHosts.Entry e : knownHosts.entries()) {
                if (e.marker() == KnownHosts.Marker.CERT_AUTHORITY && e.matches(name)
                        && Arrays.equals(e.keyBlob(), cert.getSignatureKey())) {
                    if (cert.getType() != HOST_CERTIFICATE) {
                        refusal = "the server presented a user certificate, not a host certificate (signed by the authority on "
                                + file + " line " + e.line() + ")";
                        return false;
                    }
                    return true;
                }
            }
            certNote = " (the server's host certificate is signed by " + Fingerprints.sha256(cert.getSignatureKey())
                    + ", which no @cert-authority line of " + file + " trusts for " + name + ")";
        }
        KnownHosts.Entry listed = null;
        for (KnownHosts.Entry e : knownHosts.entries()) {
            if (e.marker() == KnownHosts.Marker.NONE && e.matches(name)) {
                if (Arrays.equals(e.keyBlob(), plainBlob)) {
                    return true;
                }
                listed = listed == null ? e : listed;
            }
        }
        if (listed != null) {
            refusal = "host key changed: " + file + " lists another key for " + name + " (line " + listed.line() + ")"
                    + certNote + " (possible man-in-the-middle; remove the old entry with ssh-keygen -R if the change is expected)";
            return false;
        }
        for (KnownHosts.Problem p : knownHosts.problems()) {
            if (p.hosts() == null || KnownHosts.hostFieldMatches(p.hosts(), name)) {
                refusal = file + " line " + p.line() + ": cannot read this entry (" + p.reason() + "), which may be for "
                        + name + "; fix or remove it" + certNote;
                return false;
            }
        }
        if (!acceptNew) {
            refusal = "unknown host key: " + file + " has no entry for " + name + certNote
                    + " (add it, or opt in with HostKeyPolicy.acceptNew() or HostKeyPolicy.pinned(..))";
            return false;
        }
        try {
            append(file, Fingerprints.knownHostsLine(hostname, port, plain));
            LOG.info("{}: added host key {} to {}", name, fingerprint, file);
            return true;
        } catch (IOException e) {
            refusal = "unknown host key, and it could not be added to " + file + ": " + e.getMessage();
            return false;
        }
    }

    private static void append(Path file, String line) throws IOException {
        Path abs = file.toAbsolutePath();
        synchronized (FILE_LOCKS.computeIfAbsent(abs, k -> new Object())) {
            Path parent = abs.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            String prefix = "";
            if (Files.exists(abs) && Files.size(abs) > 0) {
                byte[] all = Files.readAllBytes(abs);
                if (all[all.length - 1] != '\n') {
                    prefix = "\n";
                }
            }
            Files.writeString(abs, prefix + line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** Key algorithms to prefer for this host: those of its listed keys, and host certificates when an authority is trusted for it. */
    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        if (knownHosts == null) {
            return List.of();
        }
        String name = KnownHosts.lookupName(hostname, port);
        List<String> algorithms = new ArrayList<>();
        for (KnownHosts.Entry e : knownHosts.entries()) {
            if (e.marker() == KnownHosts.Marker.REVOKED || !e.matches(name)) {
                continue;
            }
            if (e.marker() == KnownHosts.Marker.CERT_AUTHORITY) {
                for (KeyType t : KeyType.values()) {
                    if (t.getParent() != null && !algorithms.contains(t.toString())) {
                        algorithms.add(t.toString());
                    }
                }
            } else if (e.keyType().equals("ssh-rsa")) {
                algorithms.addAll(List.of("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"));
            } else if (!algorithms.contains(e.keyType())) {
                algorithms.add(e.keyType());
            }
        }
        return algorithms;
    }

    /** Why the key was refused, or null when it was not. */
    public String refusal() {
        return refusal;
    }

    /** The fingerprint of the key the server presented, or null before key exchange. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The known_hosts file in use, if any. */
    public Path file() {
        return knownHosts == null ? null : knownHosts.file();
    }
}
