package dev.ops.sto.btrfs;

import dev.ops.core.error.ConflictException;

/**
 * A path is taken by something the change may not replace: a directory that is not a subvolume, a
 * subvolume that is not a snapshot of the asked-for source, or a subvolume with nested ones.
 */
public class SubvolumeConflictException extends ConflictException {
    private final String field;

    public SubvolumeConflictException(String path, String field, String message) {
        super(path, field + ": " + message, false);
        this.field = field;
    }

    /** The request field whose path is in conflict. */
    public String field() {
        return field;
    }
}
