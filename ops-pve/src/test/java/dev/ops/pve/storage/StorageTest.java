package dev.ops.pve.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import dev.ops.pve.PveClient;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class StorageTest {
    private final PveFakeServer pve = Fakes.cluster().start();
    private final PveClient client = Fakes.client(pve);

    /** A caller's view of a volume. */
    public record Item(String volid, long size) {}

    private dev.ops.pve.PveChanges changes() {
        return client.guests(dev.ops.core.Ops.inMemory());
    }

    @AfterEach
    void stop() {
        pve.close(); // strict: fails on any request the real API would refuse
    }

    @Test
    void uploadsAnIsoAsMultipartWithItsChecksum(@TempDir Path dir) throws Exception {
        Path iso = Files.writeString(dir.resolve("alpine.iso"), "ISO-BYTES-0123456789");
        String sha = "ab".repeat(32);
        changes().upload(client.node("pve1").storage("local"), u -> u.content("iso").file(iso).sha256(sha)).apply();
        var req = Fakes.calls(pve, "POST", "/upload").get(0);
        assertThat(req.header("Content-Type").orElseThrow()).startsWith("multipart/form-data");
        assertThat(req.param("content")).contains("iso");
        assertThat(req.param("checksum")).contains(sha);
        assertThat(req.param("checksum-algorithm")).contains("sha256");
        assertThat(req.param("filename")).contains("alpine.iso");
        assertThat(client.api().list("/nodes/{node}/storage/{storage}/content", java.util.Map.of("node", "pve1", "storage", "local",
                "content", "iso"), Item.class)).as("the file's bytes arrived").contains(new Item("local:iso/alpine.iso", Files.size(iso)));
    }

    @Test
    void refusesAnUnknownContentTypeAndABadChecksumAtOnce(@TempDir Path dir) throws Exception {
        Path iso = Files.writeString(dir.resolve("x.iso"), "x");
        assertThatThrownBy(() -> changes().upload(client.node("pve1").storage("local"), u -> u.content("images").file(iso).sha256("xyz")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("content").hasMessageContaining("sha256");
        assertThat(pve.requests()).isEmpty();
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> changes().upload(client.node("pve1").storage("local"), u -> u.content("iso").file(dir.resolve("nope.iso"))))
                .hasMessageContaining("nope.iso");
    }

    @Test
    void downloadUrlNeedsChecksumAndAlgorithmTogether() {
        assertThatThrownBy(() -> DownloadUrlRequest.builder().url("https://example.org/a.iso").fileName("a.iso").content("iso")
                .checksum("ab").build()).isInstanceOf(ValidationException.class).hasMessageContaining("checksumAlgorithm");
    }

    @Test
    void downloadUrlStartsANodeTask() {
        var done = changes().downloadUrl(client.node("pve1").storage("local"), DownloadUrlRequest.builder().url("https://example.org/a.iso")
                .fileName("a.iso").content("iso").build()).apply();
        assertThat(done.value().volid()).isEqualTo("local:iso/a.iso");
        assertThat(Fakes.calls(pve, "POST", "/download-url").get(0).param("url")).contains("https://example.org/a.iso");
    }
}
