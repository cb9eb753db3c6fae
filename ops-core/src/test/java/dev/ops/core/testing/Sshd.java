package dev.ops.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real OpenSSH servers for tests and benchmarks: one or more {@code sshd -D -e} on free
 * loopback ports, started inside a private mount namespace ({@code unshare --mount --propagation
 * private}) so that the test users they need never touch this machine.
 *
 * <p>Inside the namespace {@code /etc} is an overlay on a tmpfs (the users {@link Builder#user
 * declared} here, with or without passwordless sudo, exist only there), {@code /root} and
 * {@code /home} are empty tmpfs (so login shells read empty rc files and start clean), and
 * {@code /run} and {@code /var/log} are tmpfs. Host key and client key are generated with
 * {@code ssh-keygen} in a temporary directory; a known_hosts file lists every port. Must run as
 * root (it mounts); {@link #close()} stops every daemon and deletes the directory.
 *
 * <pre>{@code
 * try (Sshd sshd = Sshd.builder().user("opsuser", true).user("nosudo", false).start()) {
 *     int port = sshd.port();
 *     Path key = sshd.clientKey();
 *     Path knownHosts = sshd.knownHosts();
 * }
 * }</pre>
 */
public final class Sshd implements AutoCloseable {
    /** The address every daemon listens on. */
    public static final String HOST = "127.0.0.1";

    private final Path dir;
    private final List<Integer> ports;
    private final Process namespace;
    private final String hostKeyLine;
    private final String hostKeyFingerprint;
    private final Map<String, Boolean> users;

    private Sshd(Path dir, List<Integer> ports, Process namespace, String hostKeyLine, String hostKeyFingerprint,
            Map<String, Boolean> users) {
        this.dir = dir;
        this.ports = ports;
        this.namespace = namespace;
        this.hostKeyLine = hostKeyLine;
        this.hostKeyFingerprint = hostKeyFingerprint;
        this.users = users;
    }

    /** Starts configuring servers; by default one daemon and no extra users (root logs in). */
    public static Builder builder() {
        return new Builder();
    }

    /** One daemon with the users {@code opsuser} (passwordless sudo) and {@code nosudo} (no sudo). */
    public static Sshd start() {
        return builder().user("opsuser", true).user("nosudo", false).start();
    }

    /** The loopback address the daemons listen on. */
    public String host() {
        return HOST;
    }

    /** The port of the first daemon. */
    public int port() {
        return ports.get(0);
    }

    /** The ports of every daemon, in start order. */
    public List<Integer> ports() {
        return ports;
    }

    /** The users created inside the namespace, with whether each has passwordless sudo. */
    public Map<String, Boolean> users() {
        return users;
    }

    /** The unencrypted ed25519 private key authorized for root and every created user. */
    public Path clientKey() {
        return dir.resolve("id_ed25519");
    }

    /** A known_hosts file that lists the host key for every daemon's {@code [127.0.0.1]:port}. */
    public Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    /** The server's public host key as one line ({@code ssh-ed25519 AAAA...}). */
    public String hostKeyLine() {
        return hostKeyLine;
    }

    /**
     * The public key of the certificate authority that signed the host key ({@code ssh-ed25519 AAAA...}),
     * when {@link Builder#hostCertificate} asked for one.
     */
    public String hostCaKeyLine() {
        String line = read(dir.resolve("host_ca.pub"));
        return line.substring(0, line.lastIndexOf(' '));
    }

    /** The host key fingerprint as OpenSSH prints it ({@code SHA256:...}). */
    public String hostKeyFingerprint() {
        return hostKeyFingerprint;
    }

    /** The working directory (keys, configs, logs). */
    public Path dir() {
        return dir;
    }

    /** Authorizes one more public key line for {@code user} (read by sshd at the next login). */
    public void authorize(String user, String publicKeyLine) {
        try {
            Files.writeString(dir.resolve("authorized_keys").resolve(user), publicKeyLine.strip() + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND, java.nio.file.StandardOpenOption.CREATE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generates a key pair in the working directory and returns the private key path ({@code .pub} beside it). */
    public Path generateKey(String name, String passphrase) {
        return generateKey(name, passphrase, "ed25519");
    }

    /** Generates a key pair of a type {@code ssh-keygen -t} knows (ed25519, ecdsa, rsa). */
    public Path generateKey(String name, String passphrase, String type) {
        Path key = dir.resolve(name);
        run(List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", name, "-f", key.toString()));
        return key;
    }

    /**
     * Kills the sshd processes that serve established connections (not the listeners), as if the
     * network dropped: clients see their connection closed.
     *
     * @return how many connection processes were killed
     */
    public int killConnections() {
        int killed = 0;
        for (ProcessHandle listener : listeners()) {
            for (ProcessHandle child : listener.descendants().toList()) {
                child.destroyForcibly();
                killed++;
            }
        }
        return killed;
    }

    /**
     * Kills only the sshd processes that serve established connections, leaving what their
     * sessions started running, as when the client vanished: the sessions' processes lose the sshd
     * that was their parent, and nothing signals them.
     *
     * @return how many sshd processes were killed
     */
    public int dropConnections() {
        int killed = 0;
        for (ProcessHandle listener : listeners()) {
            for (ProcessHandle child : listener.descendants().filter(Sshd::isSshd).toList()) {
                child.destroyForcibly();
                killed++;
            }
        }
        return killed;
    }

    /** How many client connections the daemons are serving now (one sshd child per connection). */
    public int connections() {
        return listeners().stream().mapToInt(l -> (int) l.children().count()).sum();
    }

    /**
     * CPU time (user and system) that closed connections cost the servers: what the listeners
     * collected from their finished children, which includes the shells and commands those ran.
     * Connections still open are not counted yet.
     */
    public Duration serverCpuOfClosedConnections() {
        long ticks = 0;
        for (ProcessHandle listener : listeners()) {
            try {
                String stat = Files.readString(Path.of("/proc/" + listener.pid() + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]); // cutime, cstime (fields 16, 17)
            } catch (IOException | RuntimeException e) {
                // a listener that just exited: nothing to add
            }
        }
        return Duration.ofMillis(ticks * 10); // USER_HZ is 100 on Linux
    }

    /** The text the daemons logged so far (LogLevel VERBOSE), for diagnosing a failed test. */
    public String log() {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList()) {
                sb.append("== ").append(p.getFileName()).append('\n').append(Files.readString(p));
            }
        } catch (IOException e) {
            sb.append(e);
        }
        return sb.toString();
    }

    private List<ProcessHandle> listeners() {
        // sshd rewrites its command line (setproctitle), so match the executable: a listener is an
        // sshd whose parent is the namespace script, a connection is an sshd whose parent is an sshd.
        return namespace.descendants().filter(Sshd::isSshd)
                .filter(p -> p.parent().map(pp -> !isSshd(pp)).orElse(true))
                .toList();
    }

    private static boolean isSshd(ProcessHandle p) {
        return p.info().command().map(c -> c.endsWith("/sshd")).orElse(false);
    }

    @Override
    public void close() {
        try {
            namespace.getOutputStream().close(); // the script kills its daemons when its stdin closes
            if (!namespace.waitFor(5, TimeUnit.SECONDS)) {
                namespace.descendants().forEach(ProcessHandle::destroyForcibly);
                namespace.destroyForcibly();
                namespace.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            namespace.descendants().forEach(ProcessHandle::destroyForcibly);
            namespace.destroyForcibly();
        } catch (InterruptedException e) {
            namespace.descendants().forEach(ProcessHandle::destroyForcibly);
            namespace.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteTree(dir);
    }

    @Override
    public String toString() {
        return "Sshd" + ports;
    }

    /** Configures and starts {@link Sshd}. */
    public static final class Builder {
        private int daemons = 1;
        private final Map<String, Boolean> users = new LinkedHashMap<>();
        private Path parent;
        private String logLevel = "VERBOSE";
        private int maxSessions = 32;
        private String certificatePrincipals;

        private Builder() {}

        /** How many daemons to start, each on its own port (default 1). */
        public Builder daemons(int n) {
            if (n < 1 || n > 500) {
                throw new IllegalArgumentException("daemons must be 1..500, was " + n);
            }
            this.daemons = n;
            return this;
        }

        /** Creates a login user inside the namespace, with passwordless sudo or without. */
        public Builder user(String name, boolean passwordlessSudo) {
            if (!name.matches("[a-z_][a-z0-9_-]{0,30}") || name.equals("root")) {
                throw new IllegalArgumentException("bad user name " + name);
            }
            users.put(name, passwordlessSudo);
            return this;
        }

        /** Where to create the working directory (default: java.io.tmpdir). */
        public Builder parentDir(Path parent) {
            this.parent = parent;
            return this;
        }

        /** The daemons' LogLevel (default VERBOSE; QUIET for benchmarks). */
        public Builder logLevel(String level) {
            this.logLevel = level;
            return this;
        }

        /**
         * Signs the host key with a certificate authority made for the purpose (see
         * {@link Sshd#hostCaKeyLine()}), as a host certificate for these principals (comma
         * separated), and serves it ({@code HostCertificate}).
         */
        public Builder hostCertificate(String principals) {
            this.certificatePrincipals = principals;
            return this;
        }

        /** sshd's MaxSessions: concurrent sessions per connection (default 32). */
        public Builder maxSessions(int n) {
            this.maxSessions = n;
            return this;
        }

        /** Generates keys, writes configs, starts the daemons and waits until each accepts connections. */
        public Sshd start() {
            Path base = parent != null ? parent : Path.of(System.getProperty("java.io.tmpdir"));
            Path dir;
            try {
                Files.createDirectories(base);
                dir = Files.createTempDirectory(base.toAbsolutePath(), "sshd-");
                for (String forbidden : List.of("/etc", "/root", "/home", "/run", "/var/log")) {
                    if (dir.startsWith(forbidden)) {
                        throw new IllegalStateException("working directory " + dir + " must not be under " + forbidden);
                    }
                }
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.createDirectories(dir.resolve("ns"));
                Path keys = Files.createDirectories(dir.resolve("authorized_keys"));
                Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return start(dir);
            } catch (RuntimeException | Error e) {
                deleteTree(dir);
                throw e;
            }
        }

        private Sshd start(Path dir) {
            run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "ops-test-host", "-f",
                    dir.resolve("ssh_host_ed25519_key").toString()));
            run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "ops-test-client", "-f",
                    dir.resolve("id_ed25519").toString()));
            String hostKeyLine = read(dir.resolve("ssh_host_ed25519_key.pub"));
            hostKeyLine = hostKeyLine.substring(0, hostKeyLine.lastIndexOf(' ')); // drop the comment
            String fingerprint = run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f",
                    dir.resolve("ssh_host_ed25519_key.pub").toString())).split(" ")[1];
            String clientKey = read(dir.resolve("id_ed25519.pub"));
            if (certificatePrincipals != null) {
                run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "ops-test-host-ca", "-f",
                        dir.resolve("host_ca").toString()));
                run(List.of("ssh-keygen", "-q", "-s", dir.resolve("host_ca").toString(), "-I", "ops-test-host", "-h", "-n",
                        certificatePrincipals, "-V", "-5m:+1d", dir.resolve("ssh_host_ed25519_key.pub").toString()));
            }

            List<Integer> ports = freePorts(daemons);
            StringBuilder knownHosts = new StringBuilder();
            for (int port : ports) {
                knownHosts.append('[').append(HOST).append("]:").append(port).append(' ').append(hostKeyLine).append('\n');
            }
            write(dir.resolve("known_hosts"), knownHosts.toString(), "rw-r--r--");
            write(dir.resolve("authorized_keys").resolve("root"), clientKey + "\n", "rw-r--r--");
            for (String user : users.keySet()) {
                write(dir.resolve("authorized_keys").resolve(user), clientKey + "\n", "rw-r--r--");
            }
            for (int i = 0; i < ports.size(); i++) {
                write(dir.resolve("sshd_" + i + ".conf"), config(dir, ports.get(i)), "rw-r--r--");
            }
            write(dir.resolve("namespace.sh"), script(dir, ports.size()), "rwxr-xr-x");

            ProcessBuilder pb = new ProcessBuilder("unshare", "--mount", "--propagation", "private",
                    "/bin/sh", dir.resolve("namespace.sh").toString());
            pb.redirectErrorStream(true);
            pb.redirectOutput(dir.resolve("namespace.log").toFile());
            Process process;
            try {
                process = pb.start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start unshare: " + e.getMessage(), e);
            }
            Sshd sshd = new Sshd(dir, List.copyOf(ports), process, hostKeyLine, fingerprint, Map.copyOf(users));
            try {
                awaitListening(sshd, process, ports, Duration.ofSeconds(20));
            } catch (RuntimeException e) {
                String log = sshd.log();
                sshd.close();
                throw new IllegalStateException(e.getMessage() + "\n" + log, e);
            }
            return sshd;
        }

        private String config(Path dir, int port) {
            return String.join("\n",
                    "Port " + port,
                    "ListenAddress " + HOST,
                    "HostKey " + dir.resolve("ssh_host_ed25519_key"),
                    certificatePrincipals == null ? "" : "HostCertificate " + dir.resolve("ssh_host_ed25519_key-cert.pub"),
                    "PidFile none",
                    "UsePAM no",
                    "StrictModes no",
                    "PermitRootLogin prohibit-password",
                    "PubkeyAuthentication yes",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "AuthorizedKeysFile " + dir.resolve("authorized_keys") + "/%u",
                    "UseDNS no",
                    "PrintMotd no",
                    "PrintLastLog no",
                    "MaxStartups 500:30:1000",
                    "MaxSessions " + maxSessions,
                    "LogLevel " + logLevel,
                    "Subsystem sftp internal-sftp",
                    "") ;
        }

        private String script(Path dir, int count) {
            StringBuilder s = new StringBuilder();
            s.append("set -e\n");
            s.append("D='").append(dir).append("'\n");
            s.append("mount -t tmpfs -o mode=755 ops-sshd \"$D/ns\"\n");
            s.append("mkdir \"$D/ns/upper\" \"$D/ns/work\"\n");
            s.append("mount -t overlay overlay -o lowerdir=/etc,upperdir=\"$D/ns/upper\",workdir=\"$D/ns/work\" /etc\n");
            s.append("mount -t tmpfs -o mode=755 tmpfs /run\nmkdir -m 755 /run/sshd\n");
            s.append("mount -t tmpfs -o mode=755 tmpfs /var/log\n");
            s.append("mount -t tmpfs -o mode=755 tmpfs /home\n");
            s.append("mount -t tmpfs -o mode=700 tmpfs /root\n: > /root/.bashrc\n: > /root/.profile\n");
            Set<Integer> taken = takenIds();
            int id = 2900;
            for (Map.Entry<String, Boolean> u : users.entrySet()) {
                while (taken.contains(id)) {
                    id++;
                }
                String name = u.getKey();
                s.append("echo '").append(name).append(":x:").append(id).append(':').append(id)
                        .append(":ops test user:/home/").append(name).append(":/bin/bash' >> /etc/passwd\n");
                s.append("echo '").append(name).append(":*:20000:0:99999:7:::' >> /etc/shadow\n");
                s.append("echo '").append(name).append(":x:").append(id).append(":' >> /etc/group\n");
                s.append("echo '").append(name).append(":*::' >> /etc/gshadow\n");
                s.append("mkdir -m 755 /home/").append(name).append('\n');
                s.append(": > /home/").append(name).append("/.bashrc\n: > /home/").append(name).append("/.profile\n");
                s.append("chown -R ").append(id).append(':').append(id).append(" /home/").append(name).append('\n');
                if (u.getValue()) {
                    s.append("mkdir -p /etc/sudoers.d\n"); // inside the overlay; absent where sudo is not installed
                    s.append("echo '").append(name).append(" ALL=(ALL:ALL) NOPASSWD: ALL' > /etc/sudoers.d/ops-test-")
                            .append(name).append("\nchmod 440 /etc/sudoers.d/ops-test-").append(name).append('\n');
                }
                id++;
            }
            // sshd's privilege separation user: a machine with openssh-server installed has it; one
            // with only the unpacked binary (see sshdProgram()) gets it inside the namespace only.
            s.append("getent passwd sshd >/dev/null || echo 'sshd:x:").append(nextFree(taken, 2899))
                    .append(":65534::/run/sshd:/usr/sbin/nologin' >> /etc/passwd\n");
            s.append("pids=''\n");
            s.append("for i in $(seq 0 ").append(count - 1).append("); do\n");
            s.append("  '").append(sshdProgram()).append("' -D -e -f \"$D/sshd_$i.conf\" 2>>\"$D/sshd_$i.log\" &\n");
            s.append("  pids=\"$pids $!\"\n");
            s.append("done\n");
            s.append("echo started\n");
            // Runs until the JVM closes our stdin (close() or the JVM dying), then stops the daemons.
            s.append("while read -r _; do :; done\n");
            s.append("kill $pids 2>/dev/null || true\n");
            s.append("wait\n");
            return s.toString();
        }
    }

    /**
     * The sshd to run: the first {@code sshd} on the PATH or in the sbin directories (an absolute
     * path, which sshd needs to re-execute itself), so that a machine without openssh-server
     * installed can run the tests with the package's binary unpacked somewhere on the PATH.
     */
    static String sshdProgram() {
        Path p = RealComponents.find("sshd");
        return p == null ? "/usr/sbin/sshd" : p.toAbsolutePath().toString();
    }

    private static int nextFree(Set<Integer> taken, int from) {
        int id = from;
        while (taken.contains(id)) {
            id--;
        }
        return id;
    }

    private static Set<Integer> takenIds() {
        Set<Integer> ids = new HashSet<>();
        for (String file : List.of("/etc/passwd", "/etc/group")) {
            try {
                for (String line : Files.readAllLines(Path.of(file))) {
                    String[] f = line.split(":");
                    if (f.length > 2 && f[2].matches("\\d+")) {
                        ids.add(Integer.parseInt(f[2]));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ids;
    }

    private static void awaitListening(Sshd sshd, Process process, List<Integer> ports, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (int port : ports) {
            while (true) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(HOST, port), 200);
                    break;
                } catch (IOException e) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("sshd namespace exited with " + process.exitValue());
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("sshd on port " + port + " did not listen within " + limit);
                    }
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", ie);
                    }
                }
            }
        }
    }

    private static List<Integer> freePorts(int n) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket();
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(HOST, 0));
                held.add(s);
                ports.add(s.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // a port we could not close stays reserved; sshd will then fail loudly
                }
            }
        }
    }

    private static String run(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " failed: " + out);
            }
            return out.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, String content, String mode) {
        try {
            Files.writeString(p, content);
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a tmpfs mount point still busy in a dying namespace; the directory is under tmp
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
