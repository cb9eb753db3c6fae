package dev.ops.usr.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AuthorizedKeyTest {

    @Test
    void parsesAPlainKeyAndDescribesItAsSshKeygenDoes() {
        AuthorizedKey k = AuthorizedKey.parse(Fixtures.ED25519);

        assertThat(k.type()).isEqualTo(SshKeyType.ED25519);
        assertThat(k.comment()).isEqualTo("alice@laptop");
        assertThat(k.describe()).isEqualTo(Fixtures.ED25519_DESCRIBED);
    }

    @Test
    void describesADsaKeyAsSshKeygenDid() {
        assertThat(AuthorizedKey.parse(Fixtures.DSA).describe()).isEqualTo(Fixtures.DSA_DESCRIBED);
    }

    @Test
    void quotedOptionValuesKeepCommasSpacesAndEscapedQuotes() {
        AuthorizedKey k = AuthorizedKey.parse("command=\"echo a,b \\\"c\\\"\",no-pty,from=\"10.0.0.0/8\" " + Fixtures.ED25519);

        assertThat(k.options()).containsExactly(KeyOption.of("command", "echo a,b \"c\""), KeyOption.flag("no-pty"),
                KeyOption.of("from", "10.0.0.0/8"));
        assertThat(k.render()).isEqualTo("command=\"echo a,b \\\"c\\\"\",no-pty,from=\"10.0.0.0/8\" " + Fixtures.ED25519);
    }

    @Test
    void badBase64IsRefusedWithTheReason() {
        assertThatThrownBy(() -> AuthorizedKey.parse("ssh-ed25519 AAAA$%^& x"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("base64")).singleElement()
                        .extracting(Violation::message).asString().contains("not valid base64"));
    }

    @Test
    void aBlobHoldingAnotherTypeThanDeclaredIsRefused() {
        assertThatThrownBy(() -> AuthorizedKey.parse("ssh-rsa " + Fixtures.ED25519_B64 + " x"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("declared as ssh-rsa but the blob holds a 'ssh-ed25519' key");
    }

    @Test
    void aTruncatedBlobIsRefused() {
        byte[] blob = Base64.getDecoder().decode(Fixtures.RSA_B64);
        String cut = Base64.getEncoder().encodeToString(Arrays.copyOf(blob, blob.length - 10));

        assertThatThrownBy(() -> AuthorizedKey.parse("ssh-rsa " + cut))
                .isInstanceOf(ValidationException.class).hasMessageContaining("truncated: RSA modulus");
    }

    @Test
    void trailingBytesAfterTheKeyAreRefused() {
        byte[] blob = Base64.getDecoder().decode(Fixtures.ED25519_B64);
        String longer = Base64.getEncoder().encodeToString(Arrays.copyOf(blob, blob.length + 3));

        assertThatThrownBy(() -> AuthorizedKey.parse("ssh-ed25519 " + longer)).hasMessageContaining("3 unexpected bytes");
    }

    @Test
    void unknownTypesAndOptionsAreRefusedTogether() {
        assertThatThrownBy(() -> AuthorizedKey.parse("no-such-option,command " + Fixtures.ED25519))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(Violation::message)
                        .containsExactly("unknown option 'no-such-option' (sshd would refuse the whole line)", "option command needs a quoted value"));
        assertThatThrownBy(() -> AuthorizedKey.parse("ssh-foo " + Fixtures.ED25519_B64))
                .isInstanceOf(ValidationException.class).hasMessageContaining("unknown key type 'ssh-foo'");
    }

    @Test
    void anUnclosedQuoteIsRefused() {
        assertThatThrownBy(() -> AuthorizedKey.parse("command=\"echo " + Fixtures.ED25519))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no closing quote");
    }

    @Test
    void theSameKeyWithOtherOptionsIsTheSameKey() {
        AuthorizedKey plain = AuthorizedKey.parse(Fixtures.ED25519);
        AuthorizedKey restricted = AuthorizedKey.parse("restrict ssh-ed25519 " + Fixtures.ED25519_B64);

        assertThat(plain.sameKey(restricted)).isTrue();
        assertThat(plain).isNotEqualTo(restricted);
    }

    @Property(tries = 300)
    void parseOfRenderIsIdentity(@ForAll("keys") AuthorizedKey key) {
        assertThat(AuthorizedKey.parse(key.render())).isEqualTo(key);
    }

    @Property(tries = 200)
    void theFileKeepsEveryLineAndAddingTwiceChangesNothing(@ForAll("keys") AuthorizedKey key) {
        AuthorizedKeysFile file = AuthorizedKeysFile.parse("# managed\n" + Fixtures.RSA + "\n\n  # indented comment\n");
        AuthorizedKeysFile once = file.with(key);

        assertThat(once.with(key)).isEqualTo(once);
        assertThat(AuthorizedKeysFile.parse(once.render())).isEqualTo(once);
        String expected = key.type() == SshKeyType.RSA ? "# managed\n\n  # indented comment\n" : file.render();
        assertThat(once.without(key).render()).isEqualTo(expected);
    }

    @Provide
    Arbitrary<AuthorizedKey> keys() {
        Arbitrary<String> value = Arbitraries.strings().withChars("abc ,=\"\\/:.-_0123456789").ofMaxLength(20).filter(s -> !s.endsWith("\\"));
        Arbitrary<KeyOption> withValue = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("command", "from", "principals", "Command"), value).as(KeyOption::of),
                value.map(v -> KeyOption.of("environment", "NAME_1=" + v)),
                Arbitraries.integers().between(1, 65535).map(p -> KeyOption.of("permitopen", "host.example:" + p)),
                Arbitraries.of("20300101", "203001011230Z", "20300101123059").map(t -> KeyOption.of("expiry-time", t)));
        Arbitrary<KeyOption> flag = Arbitraries.of("no-pty", "restrict", "no-agent-forwarding", "cert-authority", "no-touch-required",
                "verify-required", "X11-forwarding", "no-user-rc", "port-forwarding").map(KeyOption::flag);
        Arbitrary<List<KeyOption>> options = Arbitraries.oneOf(withValue, flag).list().ofMaxSize(4).uniqueElements(KeyOption::canonicalName);
        Arbitrary<String> comment = Arbitraries.strings().withChars("abc @.-_ é").ofMaxLength(16).map(String::strip);
        return Combinators.combine(options, Arbitraries.of(Fixtures.ED25519_B64, Fixtures.RSA_B64), comment)
                .as((o, b64, c) -> new AuthorizedKey(o, b64.equals(Fixtures.RSA_B64) ? SshKeyType.RSA : SshKeyType.ED25519, b64, c));
    }
}
