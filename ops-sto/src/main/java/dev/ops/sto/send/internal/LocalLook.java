package dev.ops.sto.send.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The send plan's quick look done in this JVM, for a host that is this machine: the same questions
 * as the shell look asks, answered without starting a process. Empty when this JVM may not look
 * (a path it has no right to read, a file system attribute it cannot get); the plan then asks the
 * host as it does for any other.
 */
final class LocalLook {
    /** Btrfs gives the root directory of every subvolume this inode number. */
    private static final long SUBVOLUME_ROOT_INODE = 256;

    private LocalLook() {}

    /**
     * Whether each of {@code paths} (symbolic links followed; empty ones skipped) is the root of a
     * Btrfs subvolume, {@code destination} is a directory and nothing named {@code received} exists,
     * not even a dangling link.
     */
    static Optional<Boolean> sendable(String snapshot, String base, String destination, String received) {
        try {
            for (String path : base.isEmpty() ? new String[] {snapshot} : new String[] {snapshot, base}) {
                Path p = Path.of(path);
                if (!(Files.getAttribute(p, "unix:ino") instanceof Long inode) || inode != SUBVOLUME_ROOT_INODE
                        || !"btrfs".equals(Files.getFileStore(p).type())) {
                    return Optional.of(false);
                }
            }
            if (!Files.readAttributes(Path.of(destination), BasicFileAttributes.class).isDirectory()) {
                return Optional.of(false);
            }
            return Optional.of(absent(Path.of(received)));
        } catch (NoSuchFileException e) {
            return Optional.of(false);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static boolean absent(Path path) throws IOException {
        try {
            Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return false;
        } catch (NoSuchFileException e) {
            return true;
        }
    }
}
