package dev.ops.sto.zfs;

import dev.ops.core.error.ConflictException;

/** A dataset or snapshot of that name already exists. */
public class ZfsExistsException extends ConflictException {

    public ZfsExistsException(String dataset, String message) {
        super(dataset, message, false);
    }
}
