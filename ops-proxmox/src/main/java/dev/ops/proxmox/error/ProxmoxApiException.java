package dev.ops.proxmox.error;

import dev.ops.core.error.ApiException;
import java.util.Map;

/** Proxmox VE answered a call with an error that no more specific type describes. */
public class ProxmoxApiException extends ApiException implements ProxmoxHttpError {
    private final ProxmoxCall call;

    public ProxmoxApiException(int status, String method, String path, String serverMessage, Map<String, String> fieldErrors,
            boolean retryable) {
        super(status, method, path, serverMessage, fieldErrors, retryable);
        this.call = new ProxmoxCall(status, method, path, serverMessage);
    }

    @Override
    public ProxmoxCall call() {
        return call;
    }
}
