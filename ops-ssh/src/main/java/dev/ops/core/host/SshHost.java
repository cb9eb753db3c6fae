package dev.ops.core.host;

import dev.ops.core.error.ConnectionException;
import dev.ops.core.error.Violations;
import dev.ops.core.host.internal.ssh.Credentials;
import dev.ops.core.host.internal.ssh.Fingerprints;
import dev.ops.core.host.internal.ssh.SessionNotStartedException;
import dev.ops.core.host.internal.ssh.SshConnection;
import dev.ops.core.host.internal.ssh.SshSettings;
import dev.ops.core.secret.Secret;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.core.text.HostNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host reached over SSH (sshj inside). Host keys are checked strictly against
 * {@code ~/.ssh/known_hosts} unless another {@link HostKeyPolicy} is chosen; authentication is by
 * private key file or ssh-agent; {@link Command#sudo()} escalates with {@code sudo -n --} when the
 * login user is not root.
 *
 * <p>By default one connection per host is opened on first use and kept: commands share it, several
 * at once in their own session channels, keepalives hold it open, and when it has dropped the next
 * command reconnects transparently (a command is retried on a fresh connection only when it could
 * not start: no session could be opened, or the connection failed before the pooled shell below
 * confirmed the start). {@link #close()} releases it. With {@code pooled(false)} every command opens and closes
 * its own connection.
 *
 * <p>On a pooled connection a command without standard input runs, by default, in a long-lived
 * login shell kept on the connection (up to two, one per command running at once) instead of a new
 * session: the server forks no session process and starts no shell per command. The command line,
 * environment, working directory, sudo, timeout (the shell is killed with the command and replaced)
 * and results are those of the exec path; commands with standard input, and commands arriving while
 * every shell is busy, take a session of their own. One difference remains: a command that leaves a
 * background process writing to its standard output or error returns when the command exits (the
 * exec path waits until the last writer closes); late output seen between commands is dropped
 * with the shell it arrived on, but output written while a later command runs on that shell would
 * be mixed into that command's. {@code reuseShell(false)} turns the shell off.
 *
 * <p>No network wait is unbounded: TCP connect has {@link Builder#connectTimeout}, the handshake
 * (banner, key exchange, authentication) {@link Builder#handshakeTimeout}, each later protocol
 * round trip the handshake timeout again, a command its own timeout, and an idle pooled connection
 * keepalives. A stalled or interrupted connection attempt closes its socket and ends its thread.
 * A remote command also ends when its connection ends under it (this JVM killed, the network
 * gone): a watcher started with each session kills the session's process group once the sshd
 * serving it has gone (it needs {@code /proc} on the remote host, and for escalated commands
 * passwordless {@code sudo -n}, as escalation does).
 *
 * <p>known_hosts is read as OpenSSH reads it, {@code @revoked} and {@code @cert-authority} lines,
 * hashed names and patterns included; see {@link HostKeyPolicy}.
 *
 * <pre>{@code
 * try (SshHost pve = SshHost.builder().host("10.0.0.5").user("ops")
 *         .privateKey(Path.of("/home/me/.ssh/id_ed25519")).build()) {
 *     String kernel = pve.output("uname", "-r");
 * }
 * }</pre>
 */
public final class SshHost implements Host {
    private static final Logger LOG = LoggerFactory.getLogger(SshHost.class);

    private final SshSettings settings;
    private final Credentials credentials;
    private final Object lock = new Object();
    private SshConnection connection;
    private volatile boolean closed;

    private SshHost(SshSettings settings) {
        this.settings = settings;
        this.credentials = new Credentials(settings.target(), settings.privateKey(), settings.passphrase(), settings.agentSocket());
    }

    /** Starts building an SSH host. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return settings.name();
    }

    /** The address (name or IP) connected to. */
    public String address() {
        return settings.address();
    }

    /** The TCP port. */
    public int port() {
        return settings.port();
    }

    /** The login user. */
    public String user() {
        return settings.user();
    }

    /** The host-key policy in force. */
    public HostKeyPolicy hostKeyPolicy() {
        return settings.hostKeyPolicy();
    }

    /** Whether one connection is kept and shared across commands. */
    public boolean pooled() {
        return settings.pooled();
    }

    /** Whether pooled commands without standard input run in a long-lived shell (see {@link Builder#reuseShell}). */
    public boolean reuseShell() {
        return settings.reuseShell();
    }

    /**
     * Opens the connection now (it is otherwise opened by the first command), so that a bad key,
     * host key or address shows up early. A no-op when connected already or not pooled.
     */
    public SshHost connect() {
        if (settings.pooled()) {
            current();
        } else {
            SshConnection.open(settings, credentials).close();
        }
        return this;
    }

    @Override
    public CommandResult run(Command command) {
        Objects.requireNonNull(command, "command");
        if (closed) {
            throw new IllegalStateException(name() + " is closed");
        }
        if (!settings.pooled()) {
            try (SshConnection c = SshConnection.open(settings, credentials)) {
                return runOn(c, command);
            } catch (SessionNotStartedException e) {
                throw new ConnectionException(settings.target(), "could not open a session: " + e.getMessage(), e);
            }
        }
        SshConnection c = current();
        try {
            return runOn(c, command);
        } catch (SessionNotStartedException first) {
            // The connection died before the command started (the server restarted, the network
            // dropped): nothing ran, so it is safe to run it once more on a fresh connection.
            LOG.debug("{}: connection unusable ({}), reconnecting", name(), first.getMessage());
            discard(c);
            try {
                return runOn(current(), command);
            } catch (SessionNotStartedException second) {
                discard(null);
                throw new ConnectionException(settings.target(), "could not open a session after reconnecting: "
                        + second.getMessage(), second);
            }
        }
    }

    private CommandResult runOn(SshConnection c, Command command) throws SessionNotStartedException {
        boolean escalate = command.sudo() && c.uid(name()) != 0;
        return c.run(command, name(), escalate);
    }

    private SshConnection current() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException(name() + " is closed");
            }
            if (connection != null && connection.alive()) {
                return connection;
            }
            if (connection != null) {
                LOG.debug("{}: connection dropped, reconnecting", name());
                connection.close();
                connection = null;
            }
            connection = SshConnection.open(settings, credentials);
            return connection;
        }
    }

    private void discard(SshConnection dead) {
        synchronized (lock) {
            if (connection != null && (dead == null || connection == dead)) {
                connection.close();
                connection = null;
            }
        }
    }

    /** Closes the pooled connection; later commands fail. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }
    }

    @Override
    public String toString() {
        return "SshHost[" + name() + " " + settings.target() + "]";
    }

    /** Builds an {@link SshHost}; {@link #build()} validates everything at once. */
    public static final class Builder {
        private static final Pattern IPV4 = Pattern.compile("([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})");
        /** Far beyond any sensible value, and within what sshj keeps in an int of milliseconds. */
        private static final Duration MAX_TIMEOUT = Duration.ofDays(7);
        private static final Pattern USER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*\\$?");

        private String name;
        private String host;
        private int port = 22;
        private String user = System.getProperty("user.name");
        private Path privateKey;
        private Secret passphrase;
        private Path agentSocket;
        private boolean agent;
        private HostKeyPolicy hostKeyPolicy = HostKeyPolicy.strict();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration handshakeTimeout = Duration.ofSeconds(30);
        private Duration keepAlive = Duration.ofSeconds(30);
        private int maxSessions = 8;
        private boolean pooled = true;
        private boolean reuseShell = true;

        private Builder() {}

        /** The name used in logs, plans and results (default: the host address). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The DNS name or IP address to connect to. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The TCP port, 1..65535 (default 22). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The login user (default: this JVM's user). */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** Authenticates with this private key file (OpenSSH, PEM/PKCS#8 or PuTTY format). */
        public Builder privateKey(Path keyFile) {
            this.privateKey = keyFile;
            return this;
        }

        /** Authenticates with this encrypted private key file and its passphrase. */
        public Builder privateKey(Path keyFile, Secret passphrase) {
            this.privateKey = keyFile;
            this.passphrase = passphrase;
            return this;
        }

        /** Authenticates with the identities of the ssh-agent named by {@code SSH_AUTH_SOCK}. */
        public Builder agent() {
            this.agent = true;
            this.agentSocket = null;
            return this;
        }

        /** Authenticates with the identities of the ssh-agent listening on this Unix socket. */
        public Builder agent(Path socket) {
            this.agent = true;
            this.agentSocket = socket;
            return this;
        }

        /** How host keys are trusted (default {@link HostKeyPolicy#strict()}). */
        public Builder hostKeyPolicy(HostKeyPolicy policy) {
            this.hostKeyPolicy = policy;
            return this;
        }

        /** Shortcut for {@code hostKeyPolicy(HostKeyPolicy.strict(knownHosts))}. */
        public Builder knownHosts(Path knownHosts) {
            this.hostKeyPolicy = HostKeyPolicy.strict(knownHosts);
            return this;
        }

        /** How long the TCP connection may take to open (default 10 s); the SSH handshake after it has {@link #handshakeTimeout}. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * How long the SSH handshake may take once TCP is connected: the server's banner, key
         * exchange and host-key check, and authentication, all together (default 30 s). A server
         * that accepts the connection but stalls is given up on after this with an
         * {@link dev.ops.core.error.OpsTimeoutException} naming the phase it stalled in, and the
         * attempt's socket and threads are released. The same limit bounds each protocol round trip
         * on a connected host that is not a command's own run: opening a session or a command
         * channel, asking the ssh-agent for a signature, closing a channel.
         */
        public Builder handshakeTimeout(Duration timeout) {
            this.handshakeTimeout = timeout;
            return this;
        }

        /**
         * Interval of keepalive messages on a connection (default 30 s): a peer that answers none of
         * five in a row is taken for dead and the connection closed, so that the next command
         * reconnects instead of waiting on it. Zero turns them off: a silently vanished peer is then
         * noticed only by the next command, whose session open is bounded by {@link #handshakeTimeout}.
         */
        public Builder keepAlive(Duration interval) {
            this.keepAlive = interval;
            return this;
        }

        /** How many commands may run at once over the connection (default 8; sshd allows 10 by default). */
        public Builder maxSessions(int n) {
            this.maxSessions = n;
            return this;
        }

        /** Whether to keep one connection for all commands (default) or open one per command. */
        public Builder pooled(boolean pooled) {
            this.pooled = pooled;
            return this;
        }

        /**
         * Whether a pooled connection runs commands without standard input in a long-lived shell
         * instead of a new session each (default true; no effect when not pooled).
         */
        public Builder reuseShell(boolean reuse) {
            this.reuseShell = reuse;
            return this;
        }

        /** Validates every setting, reporting all problems in one {@link dev.ops.core.error.ValidationException}. */
        public SshHost build() {
            Violations v = Violations.of("ssh host");
            v.checkText(host, "host", Builder::validHost, "is not a valid host name or IP address: '" + host + "'");
            v.check(port >= 1 && port <= 65535, "port", "must be between 1 and 65535, was " + port);
            v.checkText(user, "user", u -> USER.matcher(u).matches(), "is not a valid user name: '" + user + "'");
            v.check(name == null || !name.isBlank(), "name", "must not be blank");
            Path socket = agentSocket;
            if (agent && socket == null) {
                String env = System.getenv("SSH_AUTH_SOCK");
                if (env == null || env.isBlank()) {
                    v.add("agent", "SSH_AUTH_SOCK is not set; give the agent's socket path");
                } else {
                    socket = Path.of(env);
                }
            }
            v.check(privateKey != null || agent, "auth", "set privateKey(..) or agent()");
            if (privateKey != null) {
                checkFile(v, "privateKey", "private key file", privateKey);
            }
            if (socket != null) {
                checkSocket(v, "agent", agentSocket != null ? "ssh-agent socket " : "ssh-agent socket (SSH_AUTH_SOCK) ", socket);
            }
            v.check(passphrase == null || privateKey != null, "passphrase", "given without a private key");
            if (hostKeyPolicy == null) {
                v.add("hostKeyPolicy", "must not be null");
            } else if (hostKeyPolicy instanceof HostKeyPolicy.Pinned p && !Fingerprints.isSha256(p.fingerprint())) {
                v.add("hostKeyPolicy", "pinned fingerprint must look like SHA256:<43 base64 characters>, was '"
                        + p.fingerprint() + "'");
            } else if (hostKeyPolicy instanceof HostKeyPolicy.Strict strict
                    && !strict.knownHosts().equals(HostKeyPolicy.defaultKnownHosts())) {
                // A file named on purpose that is missing trusts nothing: say so now, not at the first connect.
                checkFile(v, "knownHosts", "known_hosts file", strict.knownHosts());
            } else if (hostKeyPolicy instanceof HostKeyPolicy.AcceptNew acceptNew && Files.exists(acceptNew.knownHosts())) {
                checkFile(v, "knownHosts", "known_hosts file", acceptNew.knownHosts()); // created when missing
            }
            v.check(connectTimeout != null && connectTimeout.isPositive(), "connectTimeout", "must be positive");
            v.check(handshakeTimeout != null && handshakeTimeout.isPositive(), "handshakeTimeout", "must be positive");
            v.check(handshakeTimeout == null || handshakeTimeout.compareTo(MAX_TIMEOUT) <= 0, "handshakeTimeout",
                    "must be at most " + MAX_TIMEOUT.toDays() + " days");
            v.check(connectTimeout == null || connectTimeout.compareTo(MAX_TIMEOUT) <= 0, "connectTimeout",
                    "must be at most " + MAX_TIMEOUT.toDays() + " days");
            v.check(keepAlive != null && !keepAlive.isNegative(), "keepAlive", "must be zero or positive");
            v.check(maxSessions >= 1, "maxSessions", "must be at least 1, was " + maxSessions);
            v.throwIfAny();
            String address = host.strip();
            return new SshHost(new SshSettings(name != null ? name : address, address, port, user, Optional.ofNullable(privateKey),
                    Optional.ofNullable(passphrase), Optional.ofNullable(socket), hostKeyPolicy, connectTimeout,
                    handshakeTimeout, keepAlive,
                    maxSessions, pooled, pooled && reuseShell));
        }

        private static void checkFile(Violations v, String field, String what, Path file) {
            if (!Files.exists(file)) {
                v.add(field, what + " " + file + " does not exist");
            } else if (!Files.isRegularFile(file)) {
                v.add(field, what + " " + file + " is not a regular file");
            } else if (!Files.isReadable(file)) {
                v.add(field, what + " " + file + " is not readable");
            }
        }

        private static void checkSocket(Violations v, String field, String what, Path socket) {
            try {
                BasicFileAttributes a = Files.readAttributes(socket, BasicFileAttributes.class);
                if (!a.isOther()) { // a Unix socket is neither file, directory nor link
                    v.add(field, what + socket + " is not a socket");
                } else if (!Files.isReadable(socket) || !Files.isWritable(socket)) {
                    v.add(field, what + socket + " is not accessible");
                }
            } catch (IOException e) {
                v.add(field, what + socket + " does not exist");
            }
        }

        static boolean validHost(String h) {
            String s = h.strip();
            if (!s.equals(h) || s.length() > 253) {
                return false;
            }
            if (s.contains(":")) { // IPv6 literal
                return s.matches("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?") && s.chars().filter(c -> c == ':').count() >= 2;
            }
            var ip = IPV4.matcher(s);
            if (ip.matches()) {
                for (int i = 1; i <= 4; i++) {
                    if (AsciiNumbers.parseInt(ip.group(i)) > 255) {
                        return false;
                    }
                }
                return true;
            }
            if (s.matches("[0-9.]+")) {
                return false; // all digits but not a valid IPv4 address
            }
            return HostNames.isValidLookup(s);
        }
    }
}
