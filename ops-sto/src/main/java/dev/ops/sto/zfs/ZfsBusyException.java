package dev.ops.sto.zfs;

import dev.ops.core.error.ConflictException;

/** A dataset is busy (mounted and in use, or being sent): retryable once it is released. */
public class ZfsBusyException extends ConflictException {

    public ZfsBusyException(String dataset, String message) {
        super(dataset, message, true);
    }
}
