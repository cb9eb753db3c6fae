package dev.ops.core.host;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How an {@link SshHost} decides whether to trust the key a server presents. The default is
 * {@link #strict()}: the key must already be in {@code ~/.ssh/known_hosts}. Trusting anything
 * else is an explicit opt-in: {@link #acceptNew()} (remember a key seen for the first time, refuse
 * a changed one, as OpenSSH's {@code StrictHostKeyChecking=accept-new}) or {@link #pinned} (exactly
 * one key, given by its fingerprint).
 *
 * <p>known_hosts files are read as OpenSSH reads them: a key on a {@code @revoked} line is refused
 * for the hosts the line names, also as a certificate's key or signer; a host certificate is
 * trusted when a {@code @cert-authority} line for the host lists its signer; hashed names
 * ({@code |1|...}) and patterns ({@code *}, {@code ?}, {@code !}, {@code [host]:port}) match. A line
 * that cannot be read never weakens the check: an unreadable marker line refuses every key from
 * the file, naming file and line.
 */
public sealed interface HostKeyPolicy {

    /** Only keys listed in {@code ~/.ssh/known_hosts}. */
    static HostKeyPolicy strict() {
        return new Strict(defaultKnownHosts());
    }

    /** Only keys listed in this known_hosts file. */
    static HostKeyPolicy strict(Path knownHosts) {
        return new Strict(knownHosts);
    }

    /** Keys listed in {@code ~/.ssh/known_hosts}; an unknown host's key is appended there, a changed key refused. */
    static HostKeyPolicy acceptNew() {
        return new AcceptNew(defaultKnownHosts());
    }

    /** Keys listed in this file; an unknown host's key is appended to it, a changed key refused. */
    static HostKeyPolicy acceptNew(Path knownHosts) {
        return new AcceptNew(knownHosts);
    }

    /** Exactly the key with this fingerprint, as {@code ssh-keygen -l} prints it ({@code SHA256:...}). */
    static HostKeyPolicy pinned(String sha256Fingerprint) {
        return new Pinned(sha256Fingerprint);
    }

    /** The known_hosts file OpenSSH uses for this user: {@code ~/.ssh/known_hosts}. */
    static Path defaultKnownHosts() {
        return Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
    }

    /** Trust only keys already in the file. */
    record Strict(Path knownHosts) implements HostKeyPolicy {
        public Strict {
            Objects.requireNonNull(knownHosts, "knownHosts");
        }
    }

    /** Trust listed keys, remember unknown ones, refuse changed ones. */
    record AcceptNew(Path knownHosts) implements HostKeyPolicy {
        public AcceptNew {
            Objects.requireNonNull(knownHosts, "knownHosts");
        }
    }

    /** Trust exactly one key, by its SHA256 fingerprint. */
    record Pinned(String fingerprint) implements HostKeyPolicy {
        public Pinned {
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }
}
