package dev.ops.core.store;

import dev.ops.core.error.OpsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The embedded default store: one file per key under a directory.
 *
 * <p>Crash-safe: a write goes to a temporary file that is fsynced and then atomically renamed
 * over the old one, and the directory is fsynced after. Safe for several processes on one
 * machine: every write holds an exclusive {@link FileLock} on {@code .lock} in the directory (and
 * a JVM lock, since file locks are per process). Reads take no lock: a rename is atomic, so a
 * reader sees either the old or the new value, never a torn one.
 */
public final class FileStateStore implements StateStore {
    private static final String SUFFIX = ".v";
    private static final int HEADER = Long.BYTES;

    /** One JVM lock per directory, shared by every instance opened on it: file locks are per process. */
    private static final java.util.concurrent.ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Path root;
    private final ReentrantLock jvmLock;
    private final FileChannel lockChannel;

    private FileStateStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.jvmLock = JVM_LOCKS.computeIfAbsent(this.root, p -> new ReentrantLock());
        try {
            Files.createDirectories(this.root);
            this.lockChannel = FileChannel.open(this.root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new OpsException("cannot open state store at " + this.root + ": " + e.getMessage(), e);
        }
    }

    /** Opens (creating if needed) a store in {@code directory}. */
    public static FileStateStore open(Path directory) {
        return new FileStateStore(directory);
    }

    /** The directory this store keeps its files in. */
    public Path directory() {
        return root;
    }

    @Override
    public Optional<Versioned> get(String key) {
        return read(fileOf(Keys.check(key)));
    }

    @Override
    public long put(String key, byte[] value) {
        Path file = fileOf(Keys.check(key));
        return locked(() -> {
            long next = read(file).map(Versioned::version).orElse(ABSENT) + 1;
            write(file, next, value);
            return next;
        });
    }

    @Override
    public boolean compareAndSet(String key, long expectedVersion, byte[] value) {
        Path file = fileOf(Keys.check(key));
        return locked(() -> {
            long current = read(file).map(Versioned::version).orElse(ABSENT);
            if (current != expectedVersion) {
                return false;
            }
            write(file, current + 1, value);
            return true;
        });
    }

    @Override
    public boolean compareAndDelete(String key, long expectedVersion) {
        Path file = fileOf(Keys.check(key));
        return locked(() -> {
            Optional<Versioned> current = read(file);
            if (current.isEmpty() || current.get().version() != expectedVersion) {
                return false;
            }
            try {
                Files.delete(file);
                fsyncDirectory(file.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        });
    }

    @Override
    public List<Entry> list(String prefix) {
        int cut = prefix.lastIndexOf('/');
        Path dir = cut < 0 ? root : dirOf(prefix.substring(0, cut));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(f))::iterator) {
                String key = keyOf(file);
                if (key.startsWith(prefix)) {
                    read(file).ifPresent(v -> out.add(new Entry(key, v)));
                }
            }
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new OpsException("cannot list state store " + root + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(Entry::key));
        return out;
    }

    @Override
    public void close() {
        try {
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface LockedWork<T> {
        T run() throws IOException;
    }

    private <T> T locked(LockedWork<T> work) {
        jvmLock.lock();
        try (FileLock ignored = lockChannel.lock()) {
            return work.run();
        } catch (IOException e) {
            throw new OpsException("state store " + root + " write failed: " + e.getMessage(), e);
        } finally {
            jvmLock.unlock();
        }
    }

    private static Optional<Versioned> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new OpsException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length < HEADER) {
            throw new OpsException("state store file " + file + " is corrupt: " + bytes.length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long version = buffer.getLong();
        byte[] value = new byte[bytes.length - HEADER];
        buffer.get(value);
        return Optional.of(new Versioned(value, version));
    }

    private static void write(Path file, long version, byte[] value) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + file.getFileName() + ".tmp" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.allocate(HEADER + value.length);
            buffer.putLong(version).put(value).flip();
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        fsyncDirectory(dir);
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    private Path dirOf(String keyPrefix) {
        Path p = root;
        for (String segment : keyPrefix.split("/")) {
            if (!segment.isEmpty()) {
                p = p.resolve(encode(segment));
            }
        }
        return p;
    }

    private Path fileOf(String key) {
        int cut = key.lastIndexOf('/');
        Path dir = cut < 0 ? root : dirOf(key.substring(0, cut));
        return dir.resolve(encode(key.substring(cut + 1)) + SUFFIX);
    }

    private String keyOf(Path file) {
        Path rel = root.relativize(file);
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < rel.getNameCount(); i++) {
            String name = rel.getName(i).toString();
            if (i == rel.getNameCount() - 1) {
                name = name.substring(0, name.length() - SUFFIX.length());
            }
            if (i > 0) {
                key.append('/');
            }
            key.append(decode(name));
        }
        return key.toString();
    }

    /** Segment to file name: keeps [A-Za-z0-9_-] and inner dots, %XX-escapes the rest, so no name ends in ".v" or starts with ".". */
    static String encode(String segment) {
        StringBuilder out = new StringBuilder(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean plain = Character.isLetterOrDigit(c) && c < 0x80 || c == '_' || c == '-' || (c == '.' && i > 0 && i < segment.length() - 1);
            if (plain) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", (int) c));
            }
        }
        return out.toString();
    }

    static String decode(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '%' && i + 2 < name.length()) {
                out.append((char) Integer.parseInt(name.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
