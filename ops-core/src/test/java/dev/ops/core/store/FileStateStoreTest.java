package dev.ops.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.testing.JavaProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FileStateStoreTest extends StateStoreContract {
    private Path dir;
    private FileStateStore store;

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("ops-store-");
        store = FileStateStore.open(dir);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Override
    StateStore store() {
        return store;
    }

    @Test
    void valuesSurviveReopening() {
        store.put("journal/x", bytes("kept"));
        store.close();

        try (FileStateStore again = FileStateStore.open(dir)) {
            assertThat(again.get("journal/x").orElseThrow().text()).isEqualTo("kept");
            assertThat(again.get("journal/x").orElseThrow().version()).isEqualTo(1);
        }
    }

    @Test
    void twoInstancesOnOneDirectoryInOneJvmShareTheLockSafely() throws Exception {
        try (FileStateStore second = FileStateStore.open(dir)) {
            List<Thread> threads = new ArrayList<>();
            for (FileStateStore s : List.of(store, second, store, second)) {
                threads.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < 25; i++) {
                        Counter.increment(s, "twice");
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
        }
        assertThat(store.get("twice").orElseThrow().text()).isEqualTo("100");
    }

    @Test
    void listingWhileAnotherWriterRenamesItsTemporaryFilesSeesEveryRecordAndNeverFails() throws Exception {
        for (int i = 0; i < 10; i++) {
            store.put("jobs/stable-" + i, bytes("s" + i));
        }
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; !done.get(); i++) {
                store.put("jobs/busy-" + (i % 5), bytes("b" + i));
            }
        });
        try {
            for (int round = 0; round < 400; round++) {
                assertThat(store.list("jobs/stable-")).as("round %d", round).hasSize(10);
                assertThat(store.scan("jobs/").unreadable()).isEmpty();
            }
        } finally {
            done.set(true);
            writer.join();
        }
    }

    @Test
    void openingWhileAnotherInstanceWritesSucceeds() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; !done.get(); i++) {
                store.put("shared/k" + (i % 20), bytes("v" + i));
            }
        });
        try {
            for (int round = 0; round < 300; round++) {
                FileStateStore.open(dir).close();
            }
        } finally {
            done.set(true);
            writer.join();
        }
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws Exception {
        for (int i = 0; i < 20; i++) {
            store.put("k/" + i, bytes("v" + i));
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp"));
        }
    }

    @Test
    void concurrentIncrementsFromTwoProcessesAndThreadsLoseNoUpdate() throws Exception {
        int perProcess = 150;
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            children.add(JavaProcess.start(Counter.class, dir.toString(), "shared/counter", Integer.toString(perProcess)));
        }
        for (int i = 0; i < perProcess; i++) {
            Counter.increment(store, "shared/counter");
        }
        for (Process child : children) {
            assertThat(JavaProcess.await(child)).as("child exit code").isZero();
        }

        assertThat(store.get("shared/counter").orElseThrow().text()).isEqualTo(Integer.toString(3 * perProcess));
    }

    @Property(tries = 200)
    void everyPrintableKeySegmentRoundTripsThroughFileNames(@ForAll @StringLength(min = 1, max = 40) String raw) {
        String segment = raw.chars().filter(c -> c > 0x20 && c < 0x7f && c != '/')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
            return;
        }
        String encoded = FileStateStore.encode(segment);
        assertThat(FileStateStore.decode(encoded)).isEqualTo(segment);
        assertThat(encoded).doesNotStartWith(".").doesNotContain("/").doesNotEndWith(".v");
    }

    @Property(tries = 20)
    void incrementsFromManyThreadsAddUp(@ForAll @IntRange(min = 2, max = 8) int threads, @ForAll @IntRange(min = 1, max = 15) int each)
            throws Exception {
        Path d = Files.createTempDirectory("ops-store-prop-");
        try (FileStateStore s = FileStateStore.open(d)) {
            List<Thread> ts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                ts.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < each; i++) {
                        Counter.increment(s, "c");
                    }
                }));
            }
            for (Thread t : ts) {
                t.join();
            }
            assertThat(s.get("c").orElseThrow().text()).isEqualTo(Integer.toString(threads * each));
        } finally {
            try (var walk = Files.walk(d)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
