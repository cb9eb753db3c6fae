package dev.ops.pve.error;

import dev.ops.core.error.NotFoundException;

/** What the call names does not exist: a guest, a node, a snapshot, a storage, an API path. */
public class PveNotFoundException extends NotFoundException implements PveHttpError {
    private final PveCall call;

    public PveNotFoundException(int status, String method, String path, String serverMessage) {
        super(method + " " + path, serverMessage + " (HTTP " + status + ")");
        this.call = new PveCall(status, method, path, serverMessage);
    }

    @Override
    public PveCall call() {
        return call;
    }
}
