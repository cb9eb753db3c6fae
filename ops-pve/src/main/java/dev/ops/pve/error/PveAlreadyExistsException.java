package dev.ops.pve.error;

import dev.ops.core.error.ConflictException;

/** What the call would create exists already (a VMID, a snapshot name, a volume). Never retryable. */
public class PveAlreadyExistsException extends ConflictException implements PveHttpError {
    private final int status;
    private final String method;
    private final String path;
    private final String serverMessage;

    public PveAlreadyExistsException(int status, String method, String path, String serverMessage) {
        super(method + " " + path, "already exists: " + serverMessage + " (HTTP " + status + ")", false);
        this.status = status;
        this.method = method;
        this.path = path;
        this.serverMessage = serverMessage;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String serverMessage() {
        return serverMessage;
    }
}
