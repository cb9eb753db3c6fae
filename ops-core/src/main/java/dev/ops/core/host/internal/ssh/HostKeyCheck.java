package dev.ops.core.host.internal.ssh;

import dev.ops.core.host.HostKeyPolicy;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies one connection's host key under a {@link HostKeyPolicy}, and remembers why it refused
 * (unknown or changed key, and the fingerprint) so that the caller can throw a precise error.
 */
public final class HostKeyCheck implements HostKeyVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(HostKeyCheck.class);
    private static final ConcurrentMap<Path, Object> FILE_LOCKS = new ConcurrentHashMap<>();

    private final HostKeyPolicy policy;
    private final OpenSSHKnownHosts knownHosts;
    private volatile String refusal;
    private volatile String fingerprint;

    private HostKeyCheck(HostKeyPolicy policy, OpenSSHKnownHosts knownHosts) {
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
    private static OpenSSHKnownHosts knownHosts(Path file) throws IOException {
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
            OpenSSHKnownHosts parsed = parse(abs);
            PARSED.put(abs, new Parsed(stamp, parsed));
            return parsed;
        }
    }

    private record Stamp(long size, long modifiedNanos) {
        static Stamp of(Path file) throws IOException {
            if (!Files.exists(file)) {
                return new Stamp(-1, -1);
            }
            return new Stamp(Files.size(file), Files.getLastModifiedTime(file).to(java.util.concurrent.TimeUnit.NANOSECONDS));
        }
    }

    private record Parsed(Stamp stamp, OpenSSHKnownHosts hosts) {}

    private static final ConcurrentMap<Path, Parsed> PARSED = new ConcurrentHashMap<>();

    private static OpenSSHKnownHosts parse(Path file) throws IOException {
        return new OpenSSHKnownHosts(file.toFile()) {
            @Override
            protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
                return false; // decided in verify(), which knows the port
            }

            @Override
            protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
                return false;
            }
        };
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        String fp = Fingerprints.sha256(key);
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
        if (knownHosts.verify(hostname, port, key)) {
            return true;
        }
        String name = port == 22 ? hostname : "[" + hostname + "]:" + port;
        boolean listed = knownHosts.entries().stream().anyMatch(e -> {
            try {
                return e.appliesTo(name) || e.appliesTo(hostname) && port == 22;
            } catch (IOException ex) {
                return false;
            }
        });
        if (listed) {
            refusal = "host key changed: " + file + " lists another key for " + name
                    + " (possible man-in-the-middle; remove the old entry with ssh-keygen -R if the change is expected)";
            return false;
        }
        if (!acceptNew) {
            refusal = "unknown host key: " + file + " has no entry for " + name
                    + " (add it, or opt in with HostKeyPolicy.acceptNew() or HostKeyPolicy.pinned(..))";
            return false;
        }
        try {
            append(file, Fingerprints.knownHostsLine(hostname, port, key));
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

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        return knownHosts == null ? List.of() : knownHosts.findExistingAlgorithms(hostname, port);
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
    public File file() {
        return knownHosts == null ? null : knownHosts.getFile();
    }
}
