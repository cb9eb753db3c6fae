package dev.ops.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import dev.ops.core.secret.Secret;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Building an {@link SshHost} validates every setting at once and connects to nothing. */
class SshHostBuilderTest {
    @TempDir
    static Path dir;
    private static Path KEY;

    @BeforeAll
    static void keyFile() throws IOException {
        KEY = Files.writeString(dir.resolve("id_ed25519"), "a key file; building reads no more than that it is there\n");
    }

    @Test
    void blankHostBadPortAndMissingAuthAreReportedTogether() {
        assertThatThrownBy(() -> SshHost.builder().host(" ").port(70000).user("").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("host", "port", "user", "auth"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad host", "-leading.example", "under_score.example", "a..b", "256.1.1.1", "1.2.3",
            "host:22", "exa!mple.org"})
    void malformedHostNamesAreRefused(String host) {
        assertThatThrownBy(() -> SshHost.builder().host(host).privateKey(KEY).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violationsOf("host")).singleElement().asString().contains(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pve-01", "pve-01.lab.example.org", "10.0.0.5", "::1", "fe80::1%eth0", "localhost"})
    void wellFormedHostNamesAndAddressesAreAccepted(String host) {
        SshHost h = SshHost.builder().host(host).privateKey(KEY).build();

        assertThat(h.address()).isEqualTo(host);
        assertThat(h.name()).isEqualTo(host);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536})
    void portsOutsideTheValidRangeAreRefused(int port) {
        assertThatThrownBy(() -> SshHost.builder().host("pve").port(port).privateKey(KEY).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violationsOf("port")).singleElement().asString().contains(String.valueOf(port)));
    }

    @Test
    void malformedPinnedFingerprintIsRefused() {
        assertThatThrownBy(() -> SshHost.builder().host("pve").privateKey(KEY)
                .hostKeyPolicy(HostKeyPolicy.pinned("MD5:aa:bb")).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violationsOf("hostKeyPolicy")).singleElement().asString().contains("SHA256:"));
    }

    @Test
    void nonPositiveTimeoutsAndSessionLimitsAreRefused() {
        assertThatThrownBy(() -> SshHost.builder().host("pve").privateKey(KEY).connectTimeout(Duration.ZERO)
                .handshakeTimeout(Duration.ofSeconds(-1)).keepAlive(Duration.ofSeconds(-1)).maxSessions(0).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("connectTimeout", "handshakeTimeout", "keepAlive",
                                "maxSessions"));
    }

    @Test
    void strictHostKeyCheckingAgainstTheUsersKnownHostsIsTheDefault() {
        SshHost h = SshHost.builder().host("pve").privateKey(KEY).build();

        assertThat(h.hostKeyPolicy()).isEqualTo(HostKeyPolicy.strict(
                Path.of(System.getProperty("user.home"), ".ssh", "known_hosts")));
        assertThat(h.pooled()).isTrue();
        assertThat(h.port()).isEqualTo(22);
    }

    @Test
    void pooledHostsReuseAShellByDefaultAndUnpooledOnesNever() {
        assertThat(SshHost.builder().host("pve").privateKey(KEY).build().reuseShell()).isTrue();
        assertThat(SshHost.builder().host("pve").privateKey(KEY).reuseShell(false).build().reuseShell()).isFalse();
        assertThat(SshHost.builder().host("pve").privateKey(KEY).pooled(false).build().reuseShell()).isFalse();
    }

    @Test
    void passphraseNeverShowsInTheHostsDescription() {
        SshHost h = SshHost.builder().host("pve").user("ops").privateKey(KEY, Secret.of("hunter2-passphrase")).build();

        assertThat(h.toString()).isEqualTo("SshHost[pve ops@pve:22]").doesNotContain("hunter2");
    }

    @Test
    void aMissingKeyFileFailsAtBuildNamingTheFieldTogetherWithEveryOtherProblem() {
        Path missing = dir.resolve("no_such_key");

        assertThatThrownBy(() -> SshHost.builder().host("pve").port(0).privateKey(missing).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::field).containsExactly("port", "privateKey");
                    assertThat(e.violationsOf("privateKey")).singleElement().asString()
                            .contains(missing.toString()).contains("does not exist");
                });
    }

    @Test
    void anUnreadableKeyFileFailsAtBuild() throws IOException {
        Path key = Files.writeString(dir.resolve("unreadable_key"), "secret\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("---------"));
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(key), "root reads every file");

        assertThatThrownBy(() -> SshHost.builder().host("pve").privateKey(key).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violationsOf("privateKey")).singleElement().asString().contains("not readable"));
    }

    @Test
    void aDirectoryGivenAsKeyFileFailsAtBuild() {
        assertThatThrownBy(() -> SshHost.builder().host("pve").privateKey(dir).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violationsOf("privateKey")).singleElement().asString().contains("not a regular file"));
    }

    @Test
    void aMissingKnownHostsFileNamedExplicitlyFailsAtBuild() {
        Path missing = dir.resolve("no_known_hosts");

        assertThatThrownBy(() -> SshHost.builder().host("pve").privateKey(KEY).knownHosts(missing).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violationsOf("knownHosts")).singleElement().asString().contains(missing.toString()));
        assertThatThrownBy(() -> SshHost.builder().host("pve").privateKey(KEY).hostKeyPolicy(HostKeyPolicy.strict(missing)).build())
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aKnownHostsFileThatAcceptNewWillCreateMayBeMissing() {
        Path missing = dir.resolve("sub/known_hosts_to_create");

        assertThat(SshHost.builder().host("pve").privateKey(KEY).hostKeyPolicy(HostKeyPolicy.acceptNew(missing)).build()
                .hostKeyPolicy()).isEqualTo(HostKeyPolicy.acceptNew(missing));
    }

    @Test
    void aMissingAgentSocketFailsAtBuildAlongsideAMissingKey() {
        Path socket = dir.resolve("no_agent.sock");
        Path missingKey = dir.resolve("no_key_either");

        assertThatThrownBy(() -> SshHost.builder().host("pve").privateKey(missingKey).agent(socket).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::field).containsExactly("privateKey", "agent");
                    assertThat(e.violationsOf("agent")).singleElement().asString().contains(socket.toString());
                });
    }

    @Test
    void aPlainFileGivenAsAgentSocketFailsAtBuild() {
        assertThatThrownBy(() -> SshHost.builder().host("pve").agent(KEY).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violationsOf("agent")).singleElement().asString().contains("not a socket"));
    }

    @Test
    void aListeningAgentSocketIsAccepted() throws IOException {
        Path socket = dir.resolve("agent.sock");
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(socket));

            assertThat(SshHost.builder().host("pve").agent(socket).build().name()).isEqualTo("pve");
        } finally {
            Files.deleteIfExists(socket);
        }
    }

    @Test
    void addressesWithNonAsciiDigitsAreRefused() {
        assertThatThrownBy(() -> SshHost.builder().host("\u0661\u0660.0.0.1").privateKey(KEY).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("host")).hasSize(1));
    }
}
