package dev.ops.proxmox.error;

import dev.ops.core.error.ConflictException;

/** What the call would create exists already (a VMID, a snapshot name, a volume). Never retryable. */
public class ProxmoxAlreadyExistsException extends ConflictException implements ProxmoxHttpError {
    private final ProxmoxCall call;

    public ProxmoxAlreadyExistsException(int status, String method, String path, String serverMessage) {
        super(method + " " + path, "already exists: " + serverMessage + " (HTTP " + status + ")", false);
        this.call = new ProxmoxCall(status, method, path, serverMessage);
    }

    @Override
    public ProxmoxCall call() {
        return call;
    }
}
