package dev.ops.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import dev.ops.core.secret.Secret;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Building an {@link SshHost} validates every setting at once and connects to nothing. */
class SshHostBuilderTest {
    private static final Path KEY = Path.of("/nonexistent/id_ed25519");

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
                .keepAlive(Duration.ofSeconds(-1)).maxSessions(0).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("connectTimeout", "keepAlive", "maxSessions"));
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
}
