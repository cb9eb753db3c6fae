package dev.ops.sto.zfs;

import dev.ops.core.error.ConflictException;

/** A dataset has children, snapshots or clones that the operation would need to remove first. */
public class ZfsHasChildrenException extends ConflictException {

    public ZfsHasChildrenException(String dataset, String message) {
        super(dataset, message, false);
    }
}
