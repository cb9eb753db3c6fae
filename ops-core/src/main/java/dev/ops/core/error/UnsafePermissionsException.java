package dev.ops.core.error;

import java.nio.file.Path;

/**
 * A file or directory that holds state or secrets can be read or written by others than its
 * owner, so ops refuses to use it (as PostgreSQL refuses a data directory others can read).
 * The message names the path and how to fix it.
 */
public class UnsafePermissionsException extends OpsException {
    private final Path path;

    public UnsafePermissionsException(Path path, String message) {
        super(path + ": " + message, null, false);
        this.path = path;
    }

    /** The file or directory with the unsafe permissions. */
    public Path path() {
        return path;
    }
}
