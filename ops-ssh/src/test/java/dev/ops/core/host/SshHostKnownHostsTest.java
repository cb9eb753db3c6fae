package dev.ops.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.HostKeyException;
import dev.ops.core.testing.RealComponents;
import dev.ops.core.testing.Sshd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * known_hosts markers, hashed names and patterns, read as OpenSSH reads them, against a real
 * sshd on loopback whose host key is also signed by a certificate authority.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SshHostKnownHostsTest {
    private static Sshd sshd;
    private static String name;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSshd() {
        RealComponents.program("sshd");
        RealComponents.program("ssh-keygen");
        RealComponents.program("unshare");
        RealComponents.root();
        sshd = Sshd.builder().hostCertificate(Sshd.HOST).start();
        name = "[" + Sshd.HOST + "]:" + sshd.port();
    }

    @AfterAll
    static void stopSshd() {
        if (sshd != null) {
            sshd.close();
        }
    }

    private Path knownHosts(String... lines) throws Exception {
        Path file = Files.createTempFile(dir, "known_hosts", "");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private static SshHost.Builder host(HostKeyPolicy policy) {
        return SshHost.builder().name("kh").host(sshd.host()).port(sshd.port()).user("root").privateKey(sshd.clientKey())
                .hostKeyPolicy(policy);
    }

    private static String echo(HostKeyPolicy policy) {
        try (SshHost h = host(policy).build()) {
            return h.output("echo", "ok");
        }
    }

    private static void refused(HostKeyPolicy policy, String... messageParts) {
        try (SshHost h = host(policy).build()) {
            var thrown = assertThatThrownBy(() -> h.run("true"))
                    .isInstanceOfSatisfying(HostKeyException.class,
                            e -> assertThat(e.fingerprint()).isEqualTo(sshd.hostKeyFingerprint()));
            for (String part : messageParts) {
                thrown.hasMessageContaining(part);
            }
        }
    }

    @Test
    void aRevokedKeyIsRefusedAsRevokedEvenWhenAnotherLineListsIt() throws Exception {
        Path file = knownHosts(name + " " + sshd.hostKeyLine(), "@revoked " + name + " " + sshd.hostKeyLine());

        refused(HostKeyPolicy.strict(file), "revoked", file + " line 2");
    }

    @Test
    void aKeyRevokedForEveryHostIsRefusedAsRevokedNotUnknown() throws Exception {
        Path file = knownHosts("@revoked * " + sshd.hostKeyLine());

        try (SshHost h = host(HostKeyPolicy.strict(file)).build()) {
            assertThatThrownBy(() -> h.run("true")).isInstanceOf(HostKeyException.class)
                    .hasMessageContaining("revoked").hasMessageNotContaining("unknown");
        }
    }

    @Test
    void aRevokedKeyIsNeitherAcceptedNorRememberedUnderAcceptNew() throws Exception {
        Path file = knownHosts("@revoked * " + sshd.hostKeyLine());
        String before = Files.readString(file);

        refused(HostKeyPolicy.acceptNew(file), "revoked");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void aMalformedRevokedLineRefusesEveryKeyNamingFileAndLine() throws Exception {
        Path file = knownHosts("# revocations", name + " " + sshd.hostKeyLine(), "@revoked * ssh-ed25519 not!base64");

        refused(HostKeyPolicy.strict(file), file + " line 3", "@revoked");
    }

    @Test
    void aLineWithAnUnknownMarkerIsNotSkipped() throws Exception {
        Path file = knownHosts(name + " " + sshd.hostKeyLine(), "@revokd * " + sshd.hostKeyLine());

        refused(HostKeyPolicy.strict(file), "line 2", "unknown marker @revokd");
    }

    @Test
    void aMalformedEntryForTheHostKeepsAcceptNewFromAddingTheKey() throws Exception {
        Path file = knownHosts(name + " ssh-ed25519 AAAAbroken");
        String before = Files.readString(file);

        refused(HostKeyPolicy.acceptNew(file), "line 1");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void aHashedHostNameIsMatched() throws Exception {
        Path file = knownHosts(hashed(name) + " " + sshd.hostKeyLine());

        assertThat(echo(HostKeyPolicy.strict(file))).isEqualTo("ok\n");
    }

    @Test
    void aRevokedKeyUnderAHashedNameIsRefused() throws Exception {
        Path file = knownHosts(name + " " + sshd.hostKeyLine(), "@revoked " + hashed(name) + " " + sshd.hostKeyLine());

        refused(HostKeyPolicy.strict(file), "revoked");
    }

    @Test
    void wildcardPatternsAndTheirNegationAreHonoured() throws Exception {
        assertThat(echo(HostKeyPolicy.strict(knownHosts("[127.0.0.?]:* " + sshd.hostKeyLine())))).isEqualTo("ok\n");

        refused(HostKeyPolicy.strict(knownHosts("*,!" + name + " " + sshd.hostKeyLine())), "unknown host key");
    }

    @Test
    void aHostCertificateSignedByATrustedAuthorityIsAccepted() throws Exception {
        Path file = knownHosts("@cert-authority [127.0.0.1]:* " + sshd.hostCaKeyLine());

        assertThat(echo(HostKeyPolicy.strict(file))).isEqualTo("ok\n");
    }

    @Test
    void anAuthorityTrustedForOtherHostsOnlyIsNotEnough() throws Exception {
        Path file = knownHosts("@cert-authority *.example.org " + sshd.hostCaKeyLine());

        refused(HostKeyPolicy.strict(file), "unknown host key");
    }

    @Test
    void aRevokedAuthorityIsRefusedAsRevoked() throws Exception {
        Path file = knownHosts("@cert-authority * " + sshd.hostCaKeyLine(), "@revoked * " + sshd.hostCaKeyLine());

        refused(HostKeyPolicy.strict(file), "revoked certificate authority");
    }

    /** A known_hosts hashed name, as {@code ssh-keygen -H} writes it. */
    private static String hashed(String host) throws Exception {
        byte[] salt = new byte[20];
        new java.security.SecureRandom().nextBytes(salt);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(salt, "HmacSHA1"));
        byte[] hash = mac.doFinal(host.getBytes(StandardCharsets.UTF_8));
        return "|1|" + Base64.getEncoder().encodeToString(salt) + "|" + Base64.getEncoder().encodeToString(hash);
    }
}
