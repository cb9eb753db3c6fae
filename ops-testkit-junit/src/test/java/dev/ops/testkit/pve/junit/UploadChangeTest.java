package dev.ops.testkit.pve.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Targets;
import dev.ops.core.error.ValidationException;
import dev.ops.pve.PveClient;
import dev.ops.testkit.pve.PveFakeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Uploading an ISO as a change: a plan that names the multipart call, an apply, and a rollback that deletes the volume. */
@EnablePveFake
@Timeout(60)
class UploadChangeTest {

    @Test
    void anUploadIsPlannedAppliedAndRolledBackFromTheJournal(PveClient client, PveFakeServer server, @TempDir Path dir) throws Exception {
        Path iso = Files.writeString(dir.resolve("netinst.iso"), "not really an iso");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(iso)));
        Ops ops = Ops.inMemory();
        var storage = client.node("pve-01").storage("local");
        var change = client.changes(ops).upload(storage, u -> u.content("iso").file(iso).sha256(sha));

        assertThat(change.plan().render()).contains("POST /nodes/pve-01/storage/local/upload content=iso");
        assertThat(change.plan().toJson()).contains("DELETE /nodes/pve-01/storage/local/content/local:iso/netinst.iso");
        var done = change.apply();

        assertThat(done.value().volid()).isEqualTo("local:iso/netinst.iso");
        assertThat(server.volumes("pve-01", "local")).contains("local:iso/netinst.iso");
        assertThat(client.changes(ops).upload(storage, u -> u.content("iso").file(iso).sha256(sha)).plan().isEmpty()).isTrue();

        ops.rollback(done.id().orElseThrow(), Targets.none().with(client.name(), client)).run();
        assertThat(server.volumes("pve-01", "local")).doesNotContain("local:iso/netinst.iso");
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent(PveClient client, PveFakeServer server, @TempDir Path dir) {
        var storage = client.node("pve-01").storage("local");
        int before = server.requests().size();

        assertThatThrownBy(() -> client.changes(Ops.inMemory()).upload(storage, u -> u.content("images").file(dir.resolve("missing.iso")).sha256("xyz")).plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(v -> v.field())
                        .containsExactly("content", "file", "sha256"));
        assertThat(server.requests()).hasSize(before);
    }
}
