package dev.ops.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.CorruptRecordException;
import dev.ops.core.error.UnsafePermissionsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The file store keeps its files private, one file per key and no two keys on one path, and tidies what killed writers left. */
@Timeout(60)
class FileStateStoreHygieneTest {

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void createsItsDirectoriesOwnerOnlyAndItsFilesOwnerReadWriteOnly(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("state");
        try (FileStateStore store = FileStateStore.open(dir)) {
            store.put("journal/deep/er/x", bytes("v"));
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                assertThat(mode(p)).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
            }
        }
    }

    @Test
    void refusesAStoreOthersCanReadNamingThePath(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("state");
        try (FileStateStore store = FileStateStore.open(dir)) {
            store.put("journal/x", bytes("v"));
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path real = dir.toRealPath();

        assertThatThrownBy(() -> FileStateStore.open(dir)).isInstanceOfSatisfying(UnsafePermissionsException.class, e -> {
            assertThat(e.path()).isEqualTo(real);
            assertThat(e.getMessage()).contains(real.toString()).contains("chmod");
        });
    }

    @Test
    void refusesAStoreWithAFileOthersCanWrite(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("state");
        Path file;
        try (FileStateStore store = FileStateStore.open(dir)) {
            store.put("journal/x", bytes("v"));
            file = Path.of(store.locationOf("journal/x"));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

        assertThatThrownBy(() -> FileStateStore.open(dir)).isInstanceOfSatisfying(UnsafePermissionsException.class,
                e -> assertThat(e.path()).isEqualTo(file));
    }

    @Test
    void makesANewEmptyDirectoryPrivateInsteadOfRefusingIt(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("state"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

        try (FileStateStore store = FileStateStore.open(dir)) {
            assertThat(mode(dir)).isEqualTo("rwx------");
        }
    }

    @Test
    void opensThroughASymlinkAndItsRealPathInOneJvm(@TempDir Path tmp) throws Exception {
        Path real = tmp.resolve("real");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), Files.createDirectories(real));
        try (FileStateStore viaReal = FileStateStore.open(real); FileStateStore viaLink = FileStateStore.open(link)) {
            List<Thread> threads = new ArrayList<>();
            for (FileStateStore s : List.of(viaReal, viaLink, viaReal, viaLink)) {
                threads.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < 20; i++) {
                        Counter.increment(s, "n");
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(viaLink.get("n").orElseThrow().text()).isEqualTo("80");
            assertThat(viaLink.directory()).isEqualTo(real.toRealPath());
        }
    }

    @Test
    void aKeyAndAKeyBelowItsFileNameAreKeptApart(@TempDir Path tmp) {
        try (FileStateStore store = FileStateStore.open(tmp.resolve("s"))) {
            store.put("x", bytes("one"));
            store.put("x.v/y", bytes("two"));

            assertThat(store.get("x").orElseThrow().text()).isEqualTo("one");
            assertThat(store.get("x.v/y").orElseThrow().text()).isEqualTo("two");
            assertThat(store.list("")).extracting(StateStore.Entry::key).containsExactly("x", "x.v/y");
        }
    }

    @Test
    void movesDirectoriesOfTheFirstLayoutWhenOpened(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("s");
        try (FileStateStore store = FileStateStore.open(dir)) {
            store.put("a/b/c", bytes("kept"));
        }
        // The first layout named the directory of prefix "a.v" just "a.v", as the file of key "a" is named.
        Files.move(dir.resolve("a"), dir.resolve("a.v"));

        try (FileStateStore store = FileStateStore.open(dir)) {
            assertThat(store.get("a.v/b/c").orElseThrow().text()).isEqualTo("kept");
            store.put("a", bytes("now possible"));
            assertThat(store.list("")).extracting(StateStore.Entry::key).containsExactly("a", "a.v/b/c");
        }
    }

    @Test
    void removesTemporaryFilesOfAWriterKilledMidWriteWhenOpened(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("s");
        try (FileStateStore store = FileStateStore.open(dir)) {
            store.put("journal/x", bytes("v"));
        }
        Path left = Files.write(dir.resolve("journal/.x.v.tmp5eed"), bytes("half"));
        Files.setPosixFilePermissions(left, PosixFilePermissions.fromString("rw-------"));

        try (FileStateStore store = FileStateStore.open(dir)) {
            assertThat(left).doesNotExist();
            assertThat(store.get("journal/x").orElseThrow().text()).isEqualTo("v");
        }
    }

    @Test
    void aTruncatedFileIsNamedByKeyAndPathAndSkippedByListing(@TempDir Path tmp) throws Exception {
        try (FileStateStore store = FileStateStore.open(tmp.resolve("s"))) {
            store.put("audit/a", bytes("fine"));
            store.put("audit/b", bytes("lost"));
            Path b = Path.of(store.locationOf("audit/b"));
            Files.write(b, new byte[] {0, 0});

            assertThatThrownBy(() -> store.get("audit/b")).isInstanceOfSatisfying(CorruptRecordException.class, e -> {
                assertThat(e.key()).isEqualTo("audit/b");
                assertThat(e.location()).isEqualTo(b.toString());
            });
            assertThat(store.list("audit/")).extracting(StateStore.Entry::key).containsExactly("audit/a");
            assertThat(store.scan("audit/").unreadable()).singleElement()
                    .satisfies(u -> assertThat(u.location()).isEqualTo(b.toString()));
        }
    }

    /** Keys made of the characters that can collide on disk: dots, the suffix, escapes and separators. */
    @Provide
    Arbitrary<String> keys() {
        Arbitrary<String> random = Arbitraries.strings().withChars("xv.%2E-_").ofMinLength(1).ofMaxLength(5)
                .filter(s -> !s.equals(".") && !s.equals(".."));
        Arbitrary<String> tricky = Arbitraries.of("x", "x.v", "x.v.v", "v", ".v", "x%2Ev", "x%2E", "x.", "%");
        Arbitrary<String> segment = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, tricky), net.jqwik.api.Tuple.of(1, random));
        return segment.list().ofMinSize(1).ofMaxSize(2).map(l -> String.join("/", l));
    }

    @Property(tries = 300)
    void distinctKeysNeverShareAFileNorNestInOneAnother(@ForAll("keys") String a, @ForAll("keys") String b) {
        if (a.equals(b)) {
            return;
        }
        Path pa = Path.of(FileStateStore.relativePath(a));
        Path pb = Path.of(FileStateStore.relativePath(b));
        assertThat(pa).isNotEqualTo(pb);
        assertThat(pa.startsWith(pb)).as("%s is inside %s's file", a, b).isFalse();
        assertThat(pb.startsWith(pa)).as("%s is inside %s's file", b, a).isFalse();
    }

    @Provide
    Arbitrary<List<String>> keySets() {
        return keys().list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 25)
    void anySetOfKeysRoundTripsThroughTheStore(@ForAll("keySets") List<String> keys) throws Exception {
        Path dir = Files.createTempDirectory("ops-store-keys-");
        try (FileStateStore store = FileStateStore.open(dir)) {
            Map<String, String> expected = new LinkedHashMap<>();
            for (String k : keys) {
                store.put(k, bytes("v-" + k));
                expected.put(k, "v-" + k);
            }
            Map<String, String> found = new LinkedHashMap<>();
            store.list("").forEach(e -> found.put(e.key(), e.value().text()));
            assertThat(found).containsExactlyInAnyOrderEntriesOf(expected);
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
