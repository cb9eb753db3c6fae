package dev.ops.sto.zfs;

import dev.ops.core.error.ConflictException;

/** The pool's I/O is suspended (a device is missing or failed): nothing can be written until it is cleared. */
public class ZfsPoolSuspendedException extends ConflictException {

    public ZfsPoolSuspendedException(String dataset, String message) {
        super(dataset, message, true);
    }
}
