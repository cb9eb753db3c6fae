package dev.ops.pve.error;

import dev.ops.core.error.ConflictException;

/** What the call would create exists already (a VMID, a snapshot name, a volume). Never retryable. */
public class PveAlreadyExistsException extends ConflictException implements PveHttpError {
    private final PveCall call;

    public PveAlreadyExistsException(int status, String method, String path, String serverMessage) {
        super(method + " " + path, "already exists: " + serverMessage + " (HTTP " + status + ")", false);
        this.call = new PveCall(status, method, path, serverMessage);
    }

    @Override
    public PveCall call() {
        return call;
    }
}
