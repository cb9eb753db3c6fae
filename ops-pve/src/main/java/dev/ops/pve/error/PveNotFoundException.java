package dev.ops.pve.error;

import dev.ops.core.error.NotFoundException;

/** What the call names does not exist: a guest, a node, a snapshot, a storage, an API path. */
public class PveNotFoundException extends NotFoundException implements PveHttpError {
    private final int status;
    private final String method;
    private final String path;
    private final String serverMessage;

    public PveNotFoundException(int status, String method, String path, String serverMessage) {
        super(method + " " + path, serverMessage + " (HTTP " + status + ")");
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
