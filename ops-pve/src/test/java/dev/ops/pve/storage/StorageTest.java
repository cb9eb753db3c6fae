package dev.ops.pve.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import dev.ops.pve.PveClient;
import dev.ops.pve.testing.MiniPve;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class StorageTest {
    private final MiniPve pve = MiniPve.start();
    private final PveClient client = pve.client();

    @AfterEach
    void stop() {
        assertThat(pve.schemaProblems()).isEmpty();
        pve.close();
    }

    private dev.ops.pve.PveChanges changes() {
        return client.guests(dev.ops.core.Ops.inMemory());
    }

    @Test
    void uploadsAnIsoAsMultipartWithItsChecksum(@TempDir Path dir) throws Exception {
        Path iso = Files.writeString(dir.resolve("alpine.iso"), "ISO-BYTES-0123456789");
        String sha = "ab".repeat(32);
        changes().upload(client.node("pve1").storage("local"), u -> u.content("iso").file(iso).sha256(sha)).apply();
        var req = pve.requests("POST", "/upload").get(0);
        assertThat(req.raw().getHeader("Content-Type")).startsWith("multipart/form-data");
        assertThat(req.param("content")).isEqualTo("iso");
        assertThat(req.param("checksum")).isEqualTo(sha);
        assertThat(req.param("checksum-algorithm")).isEqualTo("sha256");
        assertThat(req.param("filename")).isEqualTo("alpine.iso");
        assertThat(req.raw().getBody().clone().readUtf8()).contains("ISO-BYTES-0123456789");
        assertThat(pve.volumes).containsKey("local:iso/alpine.iso");
    }

    @Test
    void refusesAnUnknownContentTypeAndABadChecksumAtOnce(@TempDir Path dir) throws Exception {
        Path iso = Files.writeString(dir.resolve("x.iso"), "x");
        assertThatThrownBy(() -> changes().upload(client.node("pve1").storage("local"), u -> u.content("images").file(iso).sha256("xyz")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("content").hasMessageContaining("sha256");
        assertThat(pve.requests).isEmpty();
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
        assertThat(pve.requests("POST", "/download-url").get(0).param("url")).isEqualTo("https://example.org/a.iso");
    }
}
