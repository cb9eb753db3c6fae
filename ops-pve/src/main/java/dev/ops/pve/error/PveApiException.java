package dev.ops.pve.error;

import dev.ops.core.error.ApiException;
import java.util.Map;

/** Proxmox VE answered a call with an error that no more specific type describes. */
public class PveApiException extends ApiException implements PveHttpError {
    private final String serverMessage;

    public PveApiException(int status, String method, String path, String serverMessage, Map<String, String> fieldErrors,
            boolean retryable) {
        super(status, method, path, serverMessage, fieldErrors, retryable);
        this.serverMessage = serverMessage;
    }

    @Override
    public String serverMessage() {
        return serverMessage;
    }
}
