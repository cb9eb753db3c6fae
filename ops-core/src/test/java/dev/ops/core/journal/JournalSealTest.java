package dev.ops.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.change.Action;
import dev.ops.core.change.FileWriteAction;
import dev.ops.core.error.OpsException;
import dev.ops.core.json.Json;
import dev.ops.core.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JournalSealTest {
    private final Secret secret = Secret.of("db-pa\"ss\\word-ü");
    private final JournalKey key = JournalKey.of(new byte[32]);

    private FileWriteAction fileWithSecret() {
        return FileWriteAction.write("web-1", "/etc/app.conf", "user=app\npass=" + secret.reveal() + "\n", "0600", true, "");
    }

    @Test
    void anActionWhoseBytesHoldASecretIsSeenAsHoldingOne() {
        assertThat(JournalSeal.holdsSecret(fileWithSecret())).isTrue();
        assertThat(JournalSeal.holdsSecret(FileWriteAction.write("web-1", "/etc/motd", "hello\n", "0644", true, ""))).isFalse();
    }

    @Test
    void withoutAKeyTheSecretNeverReachesTheRecordAndTheStepSaysWhyItCannotRun() {
        Action stored = new JournalSeal(Optional.empty()).seal(fileWithSecret(), "a/0");
        String json = new String(Json.write(stored), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("pa\\\"ss").doesNotContain(java.util.Base64.getEncoder().encodeToString(fileWithSecret().content()));
        Action read = Json.read(Json.write(stored), Action.class);
        assertThatThrownBy(() -> new JournalSeal(Optional.empty()).open(read, "a/0").execute(null))
                .isInstanceOf(OpsException.class).hasMessageContaining("kept out of the journal");
    }

    @Test
    void withAKeyTheActionIsEncryptedAndOpensOnlyInItsPlaceWithTheSameKey() {
        JournalSeal seal = new JournalSeal(Optional.of(key));
        Action stored = seal.seal(fileWithSecret(), "a/0");
        Action read = Json.read(Json.write(stored), Action.class);

        assertThat(new String(Json.write(stored), StandardCharsets.UTF_8)).doesNotContain("pass=");
        assertThat(seal.open(read, "a/0")).isInstanceOfSatisfying(FileWriteAction.class,
                a -> assertThat(a.content()).isEqualTo(fileWithSecret().content()));
        assertThatThrownBy(() -> seal.open(read, "b/0")).isInstanceOf(OpsException.class).hasMessageContaining("cannot be opened");
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> new JournalSeal(Optional.of(JournalKey.of(other))).open(read, "a/0"))
                .isInstanceOf(OpsException.class).hasMessageContaining("journal key " + key.id());
    }
}
