package dev.ops.proxmox.error;

import dev.ops.core.error.ConflictException;

/**
 * The guest or its config file is locked ({@code VM is locked (backup)}, {@code can't lock file ... got
 * timeout}). Retryable: the client retries it with backoff until the call's retry budget runs out.
 */
public class ProxmoxLockedException extends ConflictException implements ProxmoxHttpError {
    private final ProxmoxCall call;

    public ProxmoxLockedException(int status, String method, String path, String serverMessage) {
        super(method + " " + path, "locked: " + serverMessage + " (HTTP " + status + ")", true);
        this.call = new ProxmoxCall(status, method, path, serverMessage);
    }

    @Override
    public ProxmoxCall call() {
        return call;
    }
}
