package dev.ops.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.change.MarkerChange;
import dev.ops.core.host.LocalHost;
import dev.ops.core.testing.JavaProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which writes of the file store reach the disk before they return (fsynced), and what the others
 * still promise: atomic, kept when the writing process is killed, absent rather than torn after a
 * crash of the system.
 */
@Timeout(120)
class FileStateStoreDurabilityTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** How many fsyncs {@code write} makes. */
    private static long syncsOf(FileStateStore store, Runnable write) {
        long before = store.syncs();
        write.run();
        return store.syncs() - before;
    }

    @Test
    void aDurableWriteFsyncsTheFileAndItsDirectoryAndARelaxedOneOnlyTheContentThatReplacesAnother(@TempDir Path tmp) {
        try (FileStateStore store = FileStateStore.open(tmp.resolve("s"))) {
            assertThat(syncsOf(store, () -> store.put("d/k", bytes("1")))).as("durable write").isEqualTo(2);
            assertThat(syncsOf(store, () -> store.compareAndSet("d/k", 1, bytes("2")))).as("durable replace").isEqualTo(2);
            assertThat(syncsOf(store, () -> store.compareAndDelete("d/k", 2))).as("durable delete").isEqualTo(1);

            assertThat(syncsOf(store, () -> store.compareAndSet("r/k", StateStore.ABSENT, bytes("1"), Durability.RELAXED)))
                    .as("relaxed write of a new key").isZero();
            // The file replaced may hold a durable value: its successor's content must be on disk before the rename.
            assertThat(syncsOf(store, () -> store.compareAndSet("r/k", 1, bytes("2"), Durability.RELAXED)))
                    .as("relaxed replace").isEqualTo(1);
            assertThat(syncsOf(store, () -> store.update("r/k", v -> bytes("3"), Durability.RELAXED))).as("relaxed update").isEqualTo(1);
            assertThat(syncsOf(store, () -> store.compareAndDelete("r/k", 3, Durability.RELAXED))).as("relaxed delete").isZero();
        }
    }

    @Test
    void aRelaxedWriteIsAtomicAndLeavesNoTemporaryFile(@TempDir Path tmp) throws Exception {
        try (FileStateStore store = FileStateStore.open(tmp.resolve("s"))) {
            for (int i = 0; i < 20; i++) {
                store.update("r/k", v -> bytes("value " + (v == null ? 0 : v.length)), Durability.RELAXED);
            }
            try (Stream<Path> files = Files.walk(store.directory())) {
                assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder(".lock", "k.v");
            }
        }
    }

    @Test
    void anEmptyFileLeftByARelaxedWriteThatTheSystemWentDownBeforeWritingIsAbsentAndTidiedAway(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("s");
        Path empty;
        try (FileStateStore store = FileStateStore.open(dir)) {
            store.compareAndSet("lock/change/x", StateStore.ABSENT, bytes("held"), Durability.RELAXED);
            store.put("journal/a", bytes("kept"));
            empty = Path.of(store.locationOf("lock/change/x"));
            // What ext4, XFS and Btrfs leave of a file renamed into place before its content was written back.
            Files.write(empty, new byte[0]);

            assertThat(store.get("lock/change/x")).isEmpty();
            assertThat(store.scan("")).satisfies(scan -> {
                assertThat(scan.entries()).extracting(StateStore.Entry::key).containsExactly("journal/a");
                assertThat(scan.unreadable()).isEmpty();
            });
            assertThat(store.compareAndSet("lock/change/x", StateStore.ABSENT, bytes("mine"), Durability.RELAXED)).isTrue();
            assertThat(store.get("lock/change/x").orElseThrow().text()).isEqualTo("mine");
            Files.write(empty, new byte[0]);
        }
        try (FileStateStore store = FileStateStore.open(dir)) {
            assertThat(empty).doesNotExist();
            assertThat(store.get("journal/a").orElseThrow().text()).isEqualTo("kept");
        }
    }

    /** Child: writes a relaxed value, says so with a marker file, and waits to be killed. */
    public static final class WriteRelaxedAndHang {
        public static void main(String[] args) throws Exception {
            FileStateStore store = FileStateStore.open(Path.of(args[0]));
            store.compareAndSet("journal/x", StateStore.ABSENT, bytes("relaxed"), Durability.RELAXED);
            Files.writeString(Path.of(args[1]), "written");
            Thread.sleep(120_000);
        }
    }

    @Test
    void aRelaxedWriteOutlivesTheProcessThatMadeItKilledWithSigkill(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("s");
        Path written = tmp.resolve("written");
        Process child = JavaProcess.start(WriteRelaxedAndHang.class, dir.toString(), written.toString());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(written) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(written).exists();
        } finally {
            new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).start().waitFor();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        try (FileStateStore store = FileStateStore.open(dir)) {
            assertThat(store.get("journal/x").orElseThrow().text()).isEqualTo("relaxed");
        }
    }

    @Test
    void aOneStepApplyOnThisMachineFsyncsNineTimesWhereEveryWriteDurableTookTwentyOne(@TempDir Path tmp) throws Exception {
        Path markers = Files.createDirectories(tmp.resolve("markers"));
        try (FileStateStore store = FileStateStore.open(tmp.resolve("s"))) {
            Ops ops = Ops.builder().store(store).build();
            new MarkerChange(ops, LocalHost.named("local"), markers, List.of("warm")).apply();
            // The step's start, the audit record and the finish (2 each: file and directory); the content of
            // the step's end and of its process's start and end (1 each). The lock is written relaxed as a new file.
            assertThat(syncsOf(store, () -> new MarkerChange(ops, LocalHost.named("local"), markers, List.of("m")).apply()))
                    .isEqualTo(9);
        }
    }
}
