package dev.ops.sto.send.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The send plan's look in this JVM: what it says of paths that are not what a send needs (LocalSendRealTest covers those that are). */
class LocalLookTest {
    @TempDir
    Path dir;

    @Test
    void aSnapshotThatDoesNotExistIsNotSendable() {
        assertThat(LocalLook.sendable(dir.resolve("gone").toString(), "", dir.toString(), dir.resolve("gone-received").toString()))
                .contains(false);
    }

    @Test
    void aBaseThatDoesNotExistIsNotSendable() throws Exception {
        assertThat(LocalLook.sendable(dir.toString(), dir.resolve("gone").toString(), dir.toString(), dir.resolve("x").toString()))
                .contains(false);
    }

    @Test
    void aDirectoryOnAnotherFileSystemThanBtrfsIsNotASubvolume() throws Exception {
        assumeThat(Files.getFileStore(dir).type()).isNotEqualTo("btrfs");
        Path snapshot = Files.createDirectory(dir.resolve("snapshot"));
        assertThat(LocalLook.sendable(snapshot.toString(), "", dir.toString(), dir.resolve("received").toString())).contains(false);
    }
}
