package dev.ops.pve.error;

import dev.ops.core.error.ConflictException;

/**
 * The guest or its config file is locked ({@code VM is locked (backup)}, {@code can't lock file ... got
 * timeout}). Retryable: the client retries it with backoff until the call's retry budget runs out.
 */
public class PveLockedException extends ConflictException implements PveHttpError {
    private final int status;
    private final String method;
    private final String path;
    private final String serverMessage;

    public PveLockedException(int status, String method, String path, String serverMessage) {
        super(method + " " + path, "locked: " + serverMessage + " (HTTP " + status + ")", true);
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
