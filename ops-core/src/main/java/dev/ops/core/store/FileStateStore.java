package dev.ops.core.store;

import dev.ops.core.error.CorruptRecordException;
import dev.ops.core.error.OpsException;
import dev.ops.core.error.UnsafePermissionsException;
import dev.ops.core.text.AsciiNumbers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default store: one file per key under a directory.
 *
 * <p>Crash-safe: a write goes to a temporary file that is fsynced and then atomically renamed
 * over the old one, and the directory is fsynced after. A {@link Durability#RELAXED} write skips
 * the fsyncs that only a crash of the operating system needs (the page cache survives a crash of
 * the process): one that makes a new file fsyncs nothing, one that replaces a file fsyncs the new
 * content before the rename (so the old value, which may be durable, is never swapped for a file
 * whose content did not reach the disk) but not the directory, and a relaxed delete does not fsync
 * the directory. A file that such a crash left empty (a relaxed write's new file, renamed before
 * its content was written) reads as absent: no other write leaves an empty file.
 *
 * <p>Safe for several processes on one machine: every write holds an exclusive {@link FileLock} on
 * {@code .lock} in the directory (and a JVM lock per real path, since file locks are per process).
 * Reads take no lock: a rename is atomic, so a reader sees either the old or the new value, never a
 * torn one.
 *
 * <p>Private: directories are created 0700 and files 0600, and a store that others can read or
 * write (or that holds a symbolic link) is refused with an {@link UnsafePermissionsException}, as
 * PostgreSQL refuses such a data directory. Opening takes the write lock once to remove temporary
 * files that a writer killed mid-write left (no live writer owns one then: writers hold the lock
 * for a temporary file's whole life) and to move directories of the first layout, where a key
 * prefix ending in {@code .v} shared its name with a key's file, to the current one.
 */
public final class FileStateStore implements StateStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileStateStore.class);
    private static final String SUFFIX = ".v";
    private static final String TEMP_MARK = ".tmp";
    private static final String LOCK_FILE = ".lock";
    private static final int HEADER = Long.BYTES;
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final FileAttribute<Set<PosixFilePermission>> DIR_MODE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<Set<PosixFilePermission>> FILE_MODE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    /** One JVM lock per real directory, shared by every instance opened on it (by any path): file locks are per process. */
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path root;
    private final ReentrantLock jvmLock;
    private final FileChannel lockChannel;
    private final Set<Path> warned = ConcurrentHashMap.newKeySet();
    /** How many fsyncs this instance made (files and directories), for the tests that say which writes are durable. */
    private final AtomicLong syncs = new AtomicLong();

    private FileStateStore(Path directory) {
        Path given = directory.toAbsolutePath().normalize();
        try {
            boolean created = !Files.exists(given);
            Files.createDirectories(given, DIR_MODE);
            this.root = given.toRealPath();
            if (created) {
                Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
            }
            checkPrivate(root);
            this.jvmLock = JVM_LOCKS.computeIfAbsent(root, p -> new ReentrantLock());
            Path lockFile = root.resolve(LOCK_FILE);
            this.lockChannel = Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)
                    ? FileChannel.open(lockFile, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)
                    : FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), FILE_MODE);
        } catch (IOException e) {
            throw new OpsException("cannot open state store at " + given + ": " + e.getMessage(), e);
        }
        locked(() -> {
            tidy();
            return null;
        });
    }

    /**
     * Opens (creating if needed, mode 0700) a store in {@code directory}. Throws
     * {@link UnsafePermissionsException} when the directory or anything in it can be read or written
     * by group or others, or is a symbolic link; a new, empty directory is made private instead.
     */
    public static FileStateStore open(Path directory) {
        return new FileStateStore(directory);
    }

    /** The directory this store keeps its files in (its real path). */
    public Path directory() {
        return root;
    }

    @Override
    public String locationOf(String key) {
        return fileOf(Keys.check(key)).toString();
    }

    @Override
    public Optional<Versioned> get(String key) {
        return read(key, fileOf(Keys.check(key)));
    }

    /** How many fsyncs (of files and directories) this instance made so far. */
    long syncs() {
        return syncs.get();
    }

    @Override
    public long put(String key, byte[] value) {
        Path file = fileOf(Keys.check(key));
        return locked(() -> {
            long next = read(key, file).map(Versioned::version).orElse(ABSENT) + 1;
            write(file, next, value, Durability.DURABLE);
            return next;
        });
    }

    @Override
    public boolean compareAndSet(String key, long expectedVersion, byte[] value) {
        return compareAndSet(key, expectedVersion, value, Durability.DURABLE);
    }

    @Override
    public boolean compareAndSet(String key, long expectedVersion, byte[] value, Durability durability) {
        Path file = fileOf(Keys.check(key));
        return locked(() -> {
            long current = read(key, file).map(Versioned::version).orElse(ABSENT);
            if (current != expectedVersion) {
                return false;
            }
            write(file, current + 1, value, durability);
            return true;
        });
    }

    @Override
    public boolean compareAndDelete(String key, long expectedVersion) {
        return compareAndDelete(key, expectedVersion, Durability.DURABLE);
    }

    @Override
    public boolean compareAndDelete(String key, long expectedVersion, Durability durability) {
        Path file = fileOf(Keys.check(key));
        return locked(() -> {
            Optional<Versioned> current = read(key, file);
            if (current.isEmpty() || current.get().version() != expectedVersion) {
                return false;
            }
            Files.delete(file);
            if (durability == Durability.DURABLE) {
                fsyncDirectory(file.getParent());
            }
            return true;
        });
    }

    @Override
    public List<Entry> list(String prefix) {
        Scan scan = scan(prefix);
        for (UnreadableRecord u : scan.unreadable()) {
            if (warned.add(Path.of(u.location()))) {
                LOG.warn("state store: skipping unreadable record {}", u);
            }
        }
        return scan.entries();
    }

    @Override
    public Scan scan(String prefix) {
        int cut = prefix.lastIndexOf('/');
        Path dir = cut < 0 ? root : dirOf(prefix.substring(0, cut));
        if (!Files.isDirectory(dir)) {
            return new Scan(List.of(), List.of());
        }
        List<Entry> out = new ArrayList<>();
        List<UnreadableRecord> unreadable = new ArrayList<>();
        try {
            walk(dir, (file, attrs) -> {
                if (!attrs.isRegularFile() || !isValueFile(file)) {
                    return;
                }
                String key;
                try {
                    key = keyOf(file);
                } catch (IllegalArgumentException e) {
                    unreadable.add(new UnreadableRecord(root.relativize(file).toString(), file.toString(), "file name is not a key: " + e.getMessage()));
                    return;
                }
                if (!key.startsWith(prefix)) {
                    return;
                }
                try {
                    read(key, file).ifPresent(v -> out.add(new Entry(key, v)));
                } catch (CorruptRecordException e) {
                    unreadable.add(UnreadableRecord.of(e));
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new OpsException("cannot list state store " + root + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(Entry::key));
        unreadable.sort(Comparator.comparing(UnreadableRecord::key));
        return new Scan(out, unreadable);
    }

    @Override
    public void close() {
        try {
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isValueFile(Path f) {
        String name = f.getFileName().toString();
        return name.endsWith(SUFFIX) && !name.startsWith(".");
    }

    /** What {@link #walk} does with each entry below its start (not the start itself). */
    private interface EntryVisitor {
        void visit(Path entry, BasicFileAttributes attrs) throws IOException;
    }

    /**
     * Visits every entry below {@code start}, depth first, without following links. Other writers
     * rename their temporary files away and delete records while this runs, so an entry that is
     * gone by the time it is looked at is skipped: it was never part of the state (a temporary file)
     * or it was removed concurrently, which a reader without the lock cannot tell from before.
     */
    private static void walk(Path start, EntryVisitor visitor) throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(start)) {
                    visitFile(dir, attrs);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                try {
                    visitor.visit(file, attrs);
                } catch (NoSuchFileException gone) {
                    // removed after it was listed
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                return FileVisitResult.CONTINUE;
            }
        });
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

    /** Refuses a store that group or others can use, or one holding a symbolic link; names the first such path. */
    private static void checkPrivate(Path root) throws IOException {
        PosixFileAttributes rootAttrs = Files.readAttributes(root, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (rootAttrs.permissions().stream().anyMatch(OTHERS::contains)) {
            boolean empty;
            try (Stream<Path> entries = Files.list(root)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty) {
                throw unsafe(root, rootAttrs.permissions());
            }
            // A new store in a directory made by someone else's umask: nothing is in it yet to leak.
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        }
        walk(root, (p, attrs) -> {
            if (attrs.isSymbolicLink()) {
                throw new UnsafePermissionsException(p, "a state store holds no symbolic links; this one could redirect writes elsewhere. "
                        + "Remove it, or move the store");
            }
            Set<PosixFilePermission> permissions = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).permissions();
            if (permissions.stream().anyMatch(OTHERS::contains)) {
                throw unsafe(p, permissions);
            }
        });
    }

    private static UnsafePermissionsException unsafe(Path p, Set<PosixFilePermission> permissions) {
        return new UnsafePermissionsException(p, "state store files are readable or writable by group or others (mode "
                + PosixFilePermissions.toString(permissions) + "); it holds journal records with undo data. "
                + "Make it private (chmod -R go= <store directory>) and check who read it");
    }

    /**
     * Removes temporary files of writers killed mid-write and empty files of relaxed writes that a
     * system crash cut off, and moves directories of the first layout. Runs under the write lock.
     */
    private void tidy() throws IOException {
        List<Path> oldLayout = new ArrayList<>();
        walk(root, (p, attrs) -> {
            String name = p.getFileName().toString();
            if (name.startsWith(".") && name.contains(TEMP_MARK) && attrs.isRegularFile()) {
                LOG.debug("state store {}: removing {} left by an interrupted write", root, p);
                Files.deleteIfExists(p);
            } else if (isValueFile(p) && attrs.isRegularFile() && attrs.size() == 0) {
                LOG.info("state store {}: removing {}, left empty by a relaxed write that the system went down before writing", root, p);
                Files.deleteIfExists(p);
            } else if (name.endsWith(SUFFIX) && attrs.isDirectory()) {
                oldLayout.add(p);
            }
        });
        // Deepest first, so that a renamed parent does not move a child still to be renamed.
        oldLayout.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path dir : oldLayout) {
            Path target = dir.resolveSibling(encodeDirectory(decode(dir.getFileName().toString())));
            try {
                Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                throw new OpsException("state store " + root + " has both " + dir + " (first layout) and " + target
                        + "; merge them by hand: move the files of the first into the second");
            }
            fsyncDirectory(dir.getParent());
            LOG.info("state store {}: moved {} to {} (current layout: a directory name never ends in {})", root, dir, target.getFileName(), SUFFIX);
        }
    }

    private Optional<Versioned> read(String key, Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new OpsException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length == 0) {
            // Only a relaxed write's new file, cut off by a crash of the system before its content was on disk.
            return Optional.empty();
        }
        if (bytes.length < HEADER) {
            throw new CorruptRecordException(key, file.toString(), "file is truncated: " + bytes.length + " bytes, shorter than the "
                    + HEADER + "-byte version header");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long version = buffer.getLong();
        if (version <= 0) {
            throw new CorruptRecordException(key, file.toString(), "version header " + version + " is not positive");
        }
        byte[] value = new byte[bytes.length - HEADER];
        buffer.get(value);
        return Optional.of(new Versioned(value, version));
    }

    /**
     * Writes {@code file} through a temporary file and a rename. Durable: the content and the
     * directory are fsynced. Relaxed: a file that replaces another has its content fsynced before
     * the rename (the one replaced may be durable, and must stay if this one is lost), nothing else.
     */
    private void write(Path file, long version, byte[] value, Durability durability) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir, DIR_MODE);
        boolean durable = durability == Durability.DURABLE;
        boolean forceContent = durable || Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        Path temp = dir.resolve("." + file.getFileName() + TEMP_MARK + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try (FileChannel ch = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), FILE_MODE)) {
            ByteBuffer buffer = ByteBuffer.allocate(HEADER + value.length);
            buffer.putLong(version).put(value).flip();
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            if (forceContent) {
                ch.force(durable);
                syncs.incrementAndGet();
            }
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        if (durable) {
            fsyncDirectory(dir);
        }
    }

    private void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
        syncs.incrementAndGet();
    }

    private Path dirOf(String keyPrefix) {
        Path p = root;
        for (String segment : keyPrefix.split("/")) {
            if (!segment.isEmpty()) {
                p = p.resolve(encodeDirectory(segment));
            }
        }
        return p;
    }

    private Path fileOf(String key) {
        return root.resolve(relativePath(key));
    }

    /**
     * The path of {@code key}'s file relative to the store's directory. Injective, and no key's file
     * is another key's directory: a file's name is its segment's encoding plus {@code .v}, and a
     * directory's name never ends in {@code .v}.
     */
    static String relativePath(String key) {
        String[] segments = key.split("/", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segments.length - 1; i++) {
            out.append(encodeDirectory(segments[i])).append('/');
        }
        return out.append(encode(segments[segments.length - 1])).append(SUFFIX).toString();
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

    /** Segment to file name: keeps [A-Za-z0-9_-] and inner dots, %XX-escapes the rest, so no name starts with ".". */
    static String encode(String segment) {
        StringBuilder out = new StringBuilder(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean plain = c < 0x80 && (AsciiNumbers.isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
                    || c == '_' || c == '-' || (c == '.' && i > 0 && i < segment.length() - 1);
            if (plain) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", (int) c));
            }
        }
        return out.toString();
    }

    /** Segment to directory name: as {@link #encode}, and a name that would end in {@code .v} has that dot escaped. */
    static String encodeDirectory(String segment) {
        String name = encode(segment);
        return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) + "%2E" + SUFFIX.substring(1) : name;
    }

    static String decode(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '%') {
                if (i + 3 > name.length()) {
                    throw new IllegalArgumentException("'" + name + "' ends in an incomplete %-escape");
                }
                out.append((char) AsciiNumbers.parseInt(name.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
