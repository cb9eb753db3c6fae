package dev.ops.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.change.Action;
import dev.ops.core.change.FileWriteAction;
import dev.ops.core.error.OpsException;
import dev.ops.core.json.internal.Json;
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

    @Test
    void aSecretBearingFileChangeIsUndoneByAnotherProcessOnlyWithTheJournalKey(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("app.conf"), "pass=" + secret.reveal() + "\n");
        dev.ops.core.host.LocalHost host = dev.ops.core.host.LocalHost.create();
        dev.ops.core.store.FileStateStore store = dev.ops.core.store.FileStateStore.open(dir.resolve("state"));
        dev.ops.core.Ops withKey = dev.ops.core.Ops.builder().store(store).journalKey(key).build();

        dev.ops.core.change.Applied<String> done = dev.ops.core.file.ManagedFile.on(host, withKey).path(file.toString())
                .content("pass=rotated\n").present().apply();
        assertThat(done.plan().notes()).noneMatch(n -> n.contains("only this process"));
        // Another process: the same store and key, none of this JVM's memory.
        dev.ops.core.Ops elsewhere = dev.ops.core.Ops.builder().store(store).journalKey(key).build();
        elsewhere.rollback(idOf(withKey),
                dev.ops.core.change.Targets.of(host)).run();

        assertThat(java.nio.file.Files.readString(file)).isEqualTo("pass=" + secret.reveal() + "\n");
    }

    @Test
    void withoutAKeyThePlanSaysOnlyThisProcessCanUndoAndThisProcessCan(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("app.conf"), "pass=" + secret.reveal() + "\n");
        dev.ops.core.host.LocalHost host = dev.ops.core.host.LocalHost.create();
        dev.ops.core.store.FileStateStore store = dev.ops.core.store.FileStateStore.open(dir.resolve("state"));
        dev.ops.core.Ops ops = dev.ops.core.Ops.builder().store(store).build();

        dev.ops.core.change.Applied<String> done = dev.ops.core.file.ManagedFile.on(host, ops).path(file.toString())
                .content("pass=rotated\n").present().apply();
        assertThat(done.plan().notes()).anyMatch(n -> n.contains("only this process can undo it"));
        String id = idOf(ops);
        assertThatThrownBy(() -> dev.ops.core.Ops.builder().store(store).build().journal()
                .rollback(id, dev.ops.core.change.Targets.of(host)))
                .hasMessageContaining("kept out of the journal");
        assertThat(java.nio.file.Files.readString(file)).isEqualTo("pass=rotated\n");

        System.gc(); // the handle still holds this process's copy
        done.rollback();
        assertThat(java.nio.file.Files.readString(file)).isEqualTo("pass=" + secret.reveal() + "\n");
    }

    private static String idOf(dev.ops.core.Ops ops) {
        return ops.journal().list().get(ops.journal().list().size() - 1).id();
    }
}
