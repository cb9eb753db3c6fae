package dev.ops.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.AuthenticationException;
import dev.ops.core.error.ConnectionException;
import dev.ops.core.error.HostKeyException;
import dev.ops.core.error.OpsTimeoutException;
import dev.ops.core.error.PrivilegeException;
import dev.ops.core.privilege.Privilege;
import dev.ops.core.privilege.PrivilegeCheck;
import dev.ops.core.secret.Secret;
import dev.ops.core.testing.RealComponents;
import dev.ops.core.testing.Sshd;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link SshHost} against a real OpenSSH server on loopback, in a private mount namespace. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SshHostTest {
    private static Sshd sshd;
    private static SshHost root;
    private static SshHost opsuser;

    @BeforeAll
    static void startSshd() {
        RealComponents.program("sshd");
        RealComponents.program("ssh-keygen");
        RealComponents.program("unshare");
        RealComponents.root();
        sshd = Sshd.start();
        root = host("root").build();
        opsuser = host("opsuser").build();
    }

    @AfterAll
    static void stopSshd() {
        if (root != null) {
            root.close();
            opsuser.close();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    private static SshHost.Builder host(String user) {
        return SshHost.builder().name("test-" + user).host(sshd.host()).port(sshd.port()).user(user)
                .privateKey(sshd.clientKey()).knownHosts(sshd.knownHosts());
    }

    @Test
    void runsACommandAndReturnsItsOutput() {
        CommandResult r = root.run("echo", "hello world");

        assertThat(r.exitCode()).isZero();
        assertThat(r.stdoutText()).isEqualTo("hello world\n");
        assertThat(r.host()).isEqualTo("test-root");
        assertThat(r.commandLine()).isEqualTo("echo 'hello world'");
    }

    @Test
    void argumentsArriveUnchangedThroughTheRemoteShell() {
        List<String> args = List.of("a b", "it's", "$HOME", "`id`", "*", "\"q\"", "", "semi;colon", "new\nline");
        List<String> argv = new ArrayList<>(List.of("printf", "[%s]"));
        argv.addAll(args);

        String out = root.check(Command.of(argv)).stdoutText();

        assertThat(out).isEqualTo(args.stream().map(a -> "[" + a + "]").reduce("", String::concat));
    }

    @Test
    void nonZeroExitCodeIsReturnedNotThrown() {
        CommandResult r = root.run("sh", "-c", "exit 42");

        assertThat(r.exitCode()).isEqualTo(42);
        assertThat(r.ok()).isFalse();
    }

    @Test
    void standardErrorIsKeptApartFromStandardOutput() {
        CommandResult r = root.run("sh", "-c", "echo out; echo err >&2; exit 3");

        assertThat(r.stdoutText()).isEqualTo("out\n");
        assertThat(r.stderrText()).isEqualTo("err\n");
        assertThat(r.exitCode()).isEqualTo(3);
    }

    @Test
    void standardInputIsStreamedToTheCommand() {
        byte[] input = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(input);

        CommandResult r = root.run(Command.builder().addArgv("cat").stdin(input).build());

        assertThat(r.stdout()).isEqualTo(input);
    }

    @Test
    void twentyMegabytesOfOutputOnBothStreamsDoNotDeadlock() {
        CommandResult r = root.run("sh", "-c", "head -c 8000000 /dev/zero >&2 & head -c 20000000 /dev/zero; wait");

        assertThat(r.stdout()).hasSize(20_000_000);
        assertThat(r.stderr()).hasSize(8_000_000);
        assertThat(r.truncated()).isFalse();
    }

    @Test
    void nonUtf8BytesAreKeptAsTheyWere() {
        CommandResult r = root.run("printf", "\\377\\376\\200ok");

        assertThat(r.stdout()).containsExactly(0xff, 0xfe, 0x80, 'o', 'k');
    }

    @Test
    void outputBeyondTheLimitIsDroppedAndFlagged() {
        CommandResult r = root.run(Command.builder().addArgv("head", "-c", "100000", "/dev/zero").maxOutputBytes(1000).build());

        assertThat(r.stdout()).hasSize(1000);
        assertThat(r.truncated()).isTrue();
    }

    @Test
    void environmentAndWorkingDirectoryAreHonoured() {
        CommandResult r = opsuser.check(Command.builder().addArgv("sh", "-c", "pwd; printf '%s' \"$GREETING\"")
                .putEnv("GREETING", "it's a 'test' $x").workDir("/usr/share").build());

        assertThat(r.stdoutText()).isEqualTo("/usr/share\nit's a 'test' $x");
    }

    @Test
    void sudoEscalatesANonRootUserToRoot() {
        assertThat(opsuser.output("id", "-u").strip()).isNotEqualTo("0");

        CommandResult r = opsuser.check(Command.of("id", "-u").asRoot());

        assertThat(r.stdoutText().strip()).isEqualTo("0");
    }

    @Test
    void sudoKeepsEnvironmentWorkingDirectoryAndStandardInput() {
        CommandResult r = opsuser.check(Command.builder().addArgv("sh", "-c", "echo \"$(id -u) $(pwd) $V\"; cat")
                .putEnv("V", "kept").workDir("/root").stdin("piped\n").sudo(true).build());

        assertThat(r.stdoutText()).isEqualTo("0 /root kept\npiped\n");
    }

    @Test
    void sudoWithoutPasswordlessRightsIsAPrivilegeException() {
        try (SshHost nosudo = host("nosudo").build()) {
            assertThatThrownBy(() -> nosudo.run(Command.of("true").asRoot()))
                    .isInstanceOf(PrivilegeException.class)
                    .hasMessageContaining("nosudo")
                    .hasMessageContaining("a password is required");
        }
    }

    @Test
    void privilegeCheckReportsMissingSudo() {
        try (SshHost nosudo = host("nosudo").build()) {
            List<String> missing = PrivilegeCheck.missing(nosudo, Set.of(Privilege.root()));

            assertThat(missing).singleElement().asString().startsWith("root:").contains("passwordless sudo is not available");
            assertThat(PrivilegeCheck.missing(opsuser, Set.of(Privilege.root()))).isEmpty();
        }
    }

    @Test
    void timeoutKillsTheRemoteCommandAndThrows() throws Exception {
        long start = System.nanoTime();
        assertThatThrownBy(() -> root.run(Command.of("sleep", "31.41").withTimeout(Duration.ofMillis(700))))
                .isInstanceOf(OpsTimeoutException.class)
                .hasMessageContaining("sleep 31.41");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(awaitGone("sleep 31.41")).as("remote sleep killed").isTrue();
    }

    @Test
    void timeoutKillsACommandRunWithSudo() throws Exception {
        assertThatThrownBy(() -> opsuser.run(Command.of("sleep", "27.18").asRoot().withTimeout(Duration.ofMillis(700))))
                .isInstanceOf(OpsTimeoutException.class);

        assertThat(awaitGone("sleep 27.18")).as("remote sudo sleep killed").isTrue();
        assertThat(opsuser.output("echo", "still usable")).isEqualTo("still usable\n");
    }

    @Test
    void timeoutKillsACommandRunWithSudoInASessionOfItsOwn() throws Exception {
        try (SshHost exec = host("opsuser").reuseShell(false).build()) {
            assertThatThrownBy(() -> exec.run(Command.of("sleep", "26.18").asRoot().withTimeout(Duration.ofMillis(700))))
                    .isInstanceOf(OpsTimeoutException.class);

            assertThat(awaitGone("sleep 26.18")).as("remote sudo sleep killed").isTrue();
            assertThat(exec.output("echo", "still usable")).isEqualTo("still usable\n");
        }
    }

    @Test
    void unknownHostKeyIsRefusedUnderStrictChecking() throws IOException {
        Path empty = Files.createTempFile("known_hosts", "");
        try (SshHost h = host("root").knownHosts(empty).build()) {
            assertThatThrownBy(() -> h.run("true"))
                    .isInstanceOfSatisfying(HostKeyException.class,
                            e -> assertThat(e.fingerprint()).isEqualTo(sshd.hostKeyFingerprint()))
                    .hasMessageContaining("unknown host key");
        } finally {
            Files.deleteIfExists(empty);
        }
    }

    @Test
    void unknownHostKeyIsRememberedUnderAcceptNew(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("sub/known_hosts");
        try (SshHost h = host("root").hostKeyPolicy(HostKeyPolicy.acceptNew(file)).build()) {
            assertThat(h.output("echo", "ok")).isEqualTo("ok\n");
        }
        assertThat(Files.readString(file)).isEqualTo("[127.0.0.1]:" + sshd.port() + " " + sshd.hostKeyLine() + "\n");
        try (SshHost strict = host("root").knownHosts(file).build()) {
            assertThat(strict.output("echo", "again")).isEqualTo("again\n");
        }
    }

    @Test
    void changedHostKeyIsRefusedEvenUnderAcceptNew() throws IOException {
        Path other = sshd.generateKey("other_host_key_" + System.nanoTime(), "");
        String otherLine = Files.readString(Path.of(other + ".pub")).strip();
        otherLine = otherLine.substring(0, otherLine.lastIndexOf(' '));
        Path file = Files.createTempFile("known_hosts", "");
        Files.writeString(file, "[127.0.0.1]:" + sshd.port() + " " + otherLine + "\n");
        try (SshHost h = host("root").hostKeyPolicy(HostKeyPolicy.acceptNew(file)).build()) {
            assertThatThrownBy(() -> h.run("true"))
                    .isInstanceOfSatisfying(HostKeyException.class,
                            e -> assertThat(e.fingerprint()).isEqualTo(sshd.hostKeyFingerprint()))
                    .hasMessageContaining("host key changed");
            assertThat(Files.readString(file)).doesNotContain(sshd.hostKeyLine());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void pinnedFingerprintIsAccepted() {
        try (SshHost h = host("root").hostKeyPolicy(HostKeyPolicy.pinned(sshd.hostKeyFingerprint())).build()) {
            assertThat(h.output("echo", "pinned")).isEqualTo("pinned\n");
        }
    }

    @Test
    void otherPinnedFingerprintIsRefused() {
        String wrong = "SHA256:" + "A".repeat(43);
        try (SshHost h = host("root").hostKeyPolicy(HostKeyPolicy.pinned(wrong)).build()) {
            assertThatThrownBy(() -> h.run("true"))
                    .isInstanceOfSatisfying(HostKeyException.class,
                            e -> assertThat(e.fingerprint()).isEqualTo(sshd.hostKeyFingerprint()))
                    .hasMessageContaining("pinned");
        }
    }

    @Test
    void keyTheServerDoesNotKnowIsAnAuthenticationFailure() {
        Path stranger = sshd.generateKey("stranger_" + System.nanoTime(), "");
        try (SshHost h = host("root").privateKey(stranger).build()) {
            assertThatThrownBy(() -> h.run("true"))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("refused")
                    .hasMessageContaining(stranger.toString());
        }
    }

    @Test
    void keyFileRemovedAfterBuildIsAnAuthenticationFailureNamingTheFile() throws IOException {
        Path key = sshd.generateKey("gone_" + System.nanoTime(), "");
        try (SshHost h = host("root").privateKey(key).build()) {
            Files.delete(key);

            assertThatThrownBy(() -> h.run("true"))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining(key.toString())
                    .hasMessageContaining("does not exist");
        }
    }

    @Test
    void encryptedKeyWorksWithItsPassphrase() throws IOException {
        Path key = sshd.generateKey("enc_" + System.nanoTime(), "correct horse");
        sshd.authorize("root", Files.readString(Path.of(key + ".pub")));
        try (SshHost h = host("root").privateKey(key, Secret.of("correct horse")).build()) {
            assertThat(h.output("echo", "unlocked")).isEqualTo("unlocked\n");
        }
    }

    @Test
    void rsaAndEcdsaKeysAuthenticateWithSha2Signatures() throws IOException {
        for (String type : List.of("rsa", "ecdsa")) {
            Path key = sshd.generateKey(type + "_" + System.nanoTime(), "", type);
            sshd.authorize("root", Files.readString(Path.of(key + ".pub")));
            try (SshHost h = host("root").privateKey(key).build()) {
                assertThat(h.output("echo", type)).isEqualTo(type + "\n");
            }
        }
    }

    @Test
    void wrongPassphraseIsAnAuthenticationFailureNamingTheFile() {
        Path key = sshd.generateKey("enc_" + System.nanoTime(), "right one");
        try (SshHost h = host("root").privateKey(key, Secret.of("wrong one")).build()) {
            assertThatThrownBy(() -> h.run("true"))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining(key.toString())
                    .hasMessageNotContaining("wrong one");
        }
    }

    @Test
    void sshAgentIdentitiesAuthenticate() throws Exception {
        RealComponents.program("ssh-agent");
        Path socket = sshd.dir().resolve("agent-" + System.nanoTime() + ".sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            for (int i = 0; i < 200 && !Files.exists(socket); i++) {
                Thread.sleep(10);
            }
            ProcessBuilder add = new ProcessBuilder("ssh-add", sshd.clientKey().toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            Process p = add.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(out).isZero();

            try (SshHost h = SshHost.builder().host(sshd.host()).port(sshd.port()).user("opsuser").agent(socket)
                    .knownHosts(sshd.knownHosts()).build()) {
                assertThat(h.output("id", "-un")).isEqualTo("opsuser\n");
            }
        } finally {
            agent.destroy();
            agent.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void refusedConnectionIsARetryableConnectionException() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            port = s.getLocalPort();
        }
        try (SshHost h = host("root").port(port).build()) {
            assertThatThrownBy(() -> h.run("true"))
                    .isInstanceOfSatisfying(ConnectionException.class, e -> assertThat(e.retryable()).isTrue())
                    .hasMessageContaining("127.0.0.1:" + port);
        }
    }

    @Test
    void concurrentCommandsShareOneConnection() throws Exception {
        try (SshHost h = host("root").build(); ExecutorService pool = Executors.newFixedThreadPool(8)) {
            h.connect();
            int before = settledConnections();
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String word = "w" + i;
                calls.add(() -> h.output("sh", "-c", "sleep 0.3; echo " + word));
            }
            List<String> outputs = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                outputs.add(f.get().strip());
            }

            assertThat(outputs).containsExactly("w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7");
            assertThat(sshd.connections()).isEqualTo(before);
        }
    }

    @Test
    void droppedConnectionIsReopenedTransparently() throws Exception {
        try (SshHost h = host("root").build()) {
            assertThat(h.output("echo", "before")).isEqualTo("before\n");
            assertThat(sshd.killConnections()).isPositive();
            root.close();
            root = host("root").build();

            assertThat(h.output("echo", "after")).isEqualTo("after\n");
            assertThat(opsuser.output("echo", "also")).isEqualTo("also\n");
        }
    }

    @Test
    void pooledConnectionRunsAKeepaliveThread() throws Exception {
        try (SshHost h = host("root").keepAlive(Duration.ofSeconds(1)).build()) {
            h.connect();
            String port = String.valueOf(sshd.port());
            assertThat(Thread.getAllStackTraces().keySet()).anySatisfy(t ->
                    assertThat(t.getName()).contains("KeepAlive").contains(port));
        }
    }

    @Test
    void connectionLostDuringACommandIsAConnectionFailureAndTheNextCommandReconnects() throws Exception {
        try (SshHost h = host("root").build(); ExecutorService pool = Executors.newSingleThreadExecutor()) {
            h.connect();
            Future<CommandResult> running = pool.submit(() -> h.run("sleep", "4.321"));
            for (int i = 0; i < 100 && !awaitStarted("sleep 4.321"); i++) {
                Thread.sleep(20);
            }
            sshd.killConnections();

            assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ConnectionException.class)
                    .hasMessageContaining("connection lost while running");
            assertThat(h.output("echo", "back")).isEqualTo("back\n");
        }
        root.close();
        root = host("root").build();
        opsuser.close();
        opsuser = host("opsuser").build();
    }

    @Test
    void unpooledHostOpensAConnectionPerCommandAndKeepsNone() throws Exception {
        try (SshHost h = host("root").pooled(false).build()) {
            int before = settledConnections();
            assertThat(h.output("echo", "one")).isEqualTo("one\n");
            assertThat(h.output("echo", "two")).isEqualTo("two\n");
            assertThat(awaitConnections(before)).isTrue();
        }
    }

    @Test
    void closeReleasesTheConnection() throws Exception {
        int before = settledConnections();
        SshHost h = host("root").build();
        h.output("true");
        assertThat(awaitConnections(before + 1)).isTrue();

        h.close();

        assertThat(awaitConnections(before)).isTrue();
        assertThatThrownBy(() -> h.run("true")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void testUsersExistOnlyInsideTheServersNamespace() throws Exception {
        assertThat(opsuser.output("getent", "passwd", "opsuser")).startsWith("opsuser:");

        Process p = new ProcessBuilder("getent", "passwd", "opsuser").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).as(out).isNotZero();
        assertThat(Files.readString(Path.of("/etc/passwd"))).doesNotContain("opsuser");
    }

    private static boolean awaitStarted(String commandLine) throws IOException {
        return running(commandLine);
    }

    private static boolean awaitGone(String commandLine) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (!running(commandLine)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /**
     * Whether a process runs whose argv, joined by spaces, is {@code commandLine}: read from /proc,
     * as {@code ProcessHandle.Info.commandLine()} starts with the executable's full path instead of argv[0].
     */
    private static boolean running(String commandLine) throws IOException {
        try (java.util.stream.Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+")).anyMatch(p -> {
                try {
                    return new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ').strip()
                            .equals(commandLine);
                } catch (IOException e) {
                    return false; // gone meanwhile
                }
            });
        }
    }

    /** The connection count once connections closed by earlier tests have gone. */
    private static int settledConnections() throws Exception {
        int last = sshd.connections();
        for (int i = 0; i < 40; i++) {
            Thread.sleep(100);
            int now = sshd.connections();
            if (now == last) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static boolean awaitConnections(int n) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (sshd.connections() == n) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
