package dev.ops.proxmox.error;

import dev.ops.core.error.NotFoundException;

/** What the call names does not exist: a guest, a node, a snapshot, a storage, an API path. */
public class ProxmoxNotFoundException extends NotFoundException implements ProxmoxHttpError {
    private final ProxmoxCall call;

    public ProxmoxNotFoundException(int status, String method, String path, String serverMessage) {
        super(method + " " + path, serverMessage + " (HTTP " + status + ")");
        this.call = new ProxmoxCall(status, method, path, serverMessage);
    }

    @Override
    public ProxmoxCall call() {
        return call;
    }
}
