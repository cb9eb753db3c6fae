package dev.ops.pve.error;

import dev.ops.core.error.ApiException;
import java.util.Map;

/** Proxmox VE answered a call with an error that no more specific type describes. */
public class PveApiException extends ApiException implements PveHttpError {
    private final PveCall call;

    public PveApiException(int status, String method, String path, String serverMessage, Map<String, String> fieldErrors,
            boolean retryable) {
        super(status, method, path, serverMessage, fieldErrors, retryable);
        this.call = new PveCall(status, method, path, serverMessage);
    }

    @Override
    public PveCall call() {
        return call;
    }
}
