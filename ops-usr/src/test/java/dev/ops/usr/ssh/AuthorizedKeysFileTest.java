package dev.ops.usr.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import dev.ops.usr.error.UnreadableLineException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How lines of an authorized_keys file are read (as sshd reads them) and edited (byte for byte). */
class AuthorizedKeysFileTest {
    /** Every option form of OpenSSH's auth-options.c, flags in both forms and values with quotes and commas. */
    static final List<String> OPENSSH_OPTIONS = List.of("no-verify-required", "touch-required", "verify-required", "no-touch-required",
            "restrict", "cert-authority", "principals=\"alice,bob\"", "expiry-time=\"20301231\"", "expiry-time=\"203012312359Z\"",
            "from=\"10.0.0.0/8,!10.1.0.0/16\"", "permitlisten=\"localhost:8080\"", "permitlisten=\"8080\"", "permitopen=\"db:5432\"",
            "permitopen=\"[::1]:22\"", "environment=\"LANG=C\"", "command=\"echo \\\"a,b\\\"\"", "tunnel=\"0\"", "tunnel=\"any\"",
            "no-agent-forwarding", "no-port-forwarding", "no-pty", "no-user-rc", "no-X11-forwarding", "agent-forwarding",
            "port-forwarding", "pty", "user-rc", "X11-forwarding", "NO-PTY", "Restrict", "COMMAND=\"true\"", "restrict,pty");

    private static AuthorizedKeysFile.Line only(String text) {
        return AuthorizedKeysFile.parse(text + "\n").lines().get(0);
    }

    @Test
    void everyOptionOpenSshKnowsIsReadAsAKey() {
        for (String option : OPENSSH_OPTIONS) {
            AuthorizedKeysFile.Line line = only(option + " " + Fixtures.ED25519);
            assertThat(line.kind()).as(option).isEqualTo(AuthorizedKeysFile.Kind.KEY);
            assertThat(line.key().sameKey(AuthorizedKey.parse(Fixtures.ED25519))).as(option).isTrue();
            assertThat(AuthorizedKey.parse(option + " " + Fixtures.ED25519).options()).as(option).isNotEmpty();
        }
    }

    @Test
    void quotedValuesKeepEscapedQuotesCommasAndBlanks() {
        AuthorizedKey k = AuthorizedKey.parse("Command=\"echo \\\"a, b\\\"\",PERMITOPEN=\"h:1\",,no-pty, " + Fixtures.ED25519);

        assertThat(k.options()).containsExactly(KeyOption.of("Command", "echo \"a, b\""), KeyOption.of("PERMITOPEN", "h:1"), KeyOption.flag("no-pty"));
    }

    @Test
    void aTypeNameSshdTakesForAnotherTypeIsReadAsThatKey() {
        AuthorizedKeysFile.Line line = only("rsa-sha2-512 " + Fixtures.RSA_B64 + " bob");

        assertThat(line.kind()).isEqualTo(AuthorizedKeysFile.Kind.KEY);
        assertThat(line.key().type()).isEqualTo(SshKeyType.RSA);
    }

    @Test
    void aKeyWithOptionsSshdRefusesIsStillAKeyThatAbsentRemoves() {
        AuthorizedKeysFile file = AuthorizedKeysFile.parse("bogus-option " + Fixtures.ED25519 + "\nexpiry-time=\"2030\" " + Fixtures.ED25519
                + "\ncommand=\"a\",command=\"b\" " + Fixtures.ED25519 + "\n" + Fixtures.RSA + "\n");

        assertThat(file.lines()).extracting(AuthorizedKeysFile.Line::kind).containsExactly(AuthorizedKeysFile.Kind.REFUSED_KEY,
                AuthorizedKeysFile.Kind.REFUSED_KEY, AuthorizedKeysFile.Kind.REFUSED_KEY, AuthorizedKeysFile.Kind.KEY);
        assertThat(file.keys()).extracting(AuthorizedKey::type).containsExactly(SshKeyType.RSA);
        assertThat(file.without(AuthorizedKey.parse(Fixtures.ED25519)).render()).isEqualTo(Fixtures.RSA + "\n");
        assertThat(file.retainOnly(List.of(AuthorizedKey.parse(Fixtures.RSA))).render()).isEqualTo(Fixtures.RSA + "\n");
    }

    @Test
    void removingKeysRefusesWhileALineCannotBeReadAndNamesItsNumber() {
        AuthorizedKeysFile file = AuthorizedKeysFile.parse("# ok\n" + Fixtures.RSA + "\nssh-mldsa44-ed25519@openssh.com AAAA x\n"
                + "no-pty \"open " + Fixtures.ED25519 + "\n");

        assertThatThrownBy(() -> file.without(AuthorizedKey.parse(Fixtures.RSA)))
                .isInstanceOfSatisfying(UnreadableLineException.class, e -> {
                    assertThat(e.lineNumbers()).containsExactly(3, 4);
                    assertThat(e.violations()).extracting(v -> v.field()).containsExactly("authorized_keys:3", "authorized_keys:4");
                });
        assertThatThrownBy(() -> file.retainOnly(List.of())).isInstanceOf(ValidationException.class);
        assertThat(file.with(AuthorizedKey.parse(Fixtures.ED25519)).lines()).hasSize(5);
    }

    @Test
    void untouchedLinesKeepTheirBytesAndLineEndings() {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes("# caf".getBytes(StandardCharsets.US_ASCII));
        in.write(0xE9); // Latin-1 'e acute', not UTF-8
        in.writeBytes(("\r\n" + Fixtures.RSA + "\r\n" + Fixtures.ED25519).getBytes(StandardCharsets.US_ASCII));
        in.write(0xE9);
        byte[] before = in.toByteArray();

        AuthorizedKeysFile file = AuthorizedKeysFile.parse(before);
        assertThat(file.bytes()).isEqualTo(before);
        assertThat(file.lines().get(2).kind()).isEqualTo(AuthorizedKeysFile.Kind.KEY);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes("# caf".getBytes(StandardCharsets.US_ASCII));
        expected.write(0xE9);
        expected.writeBytes(("\r\n" + Fixtures.ED25519).getBytes(StandardCharsets.US_ASCII));
        expected.write(0xE9);
        assertThat(file.without(AuthorizedKey.parse(Fixtures.RSA)).bytes()).isEqualTo(expected.toByteArray());

        byte[] added = file.with(AuthorizedKey.parse("no-pty " + Fixtures.DSA)).bytes();
        assertThat(new String(added, StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(before, StandardCharsets.ISO_8859_1) + "\nno-pty " + Fixtures.DSA + "\n");
    }

    @Test
    void whatFollowsANulIsInvisibleAsItIsToSshd() {
        byte[] line = (Fixtures.ED25519 + "\0garbage \"\n").getBytes(StandardCharsets.US_ASCII);

        assertThat(AuthorizedKeysFile.parse(line).lines().get(0).kind()).isEqualTo(AuthorizedKeysFile.Kind.KEY);
    }

    @Test
    void optionValuesSshdWouldRefuseAreRefusedWhenAKeyIsGiven() {
        for (String bad : List.of("expiry-time=\"٢٠٣٠١٢٣١\"", "expiry-time=\"20301332\"", "environment=\"1-A=b\"", "tunnel=\"x\"",
                "permitopen=\"host\"", "permitopen=\"h:0\"", "command=\"a\",command=\"b\"", "no-restrict", "no-cert-authority",
                "pty=\"yes\"", "ptyx")) {
            assertThatThrownBy(() -> AuthorizedKey.parse(bad + " " + Fixtures.ED25519)).as(bad).isInstanceOf(ValidationException.class);
        }
    }
}
