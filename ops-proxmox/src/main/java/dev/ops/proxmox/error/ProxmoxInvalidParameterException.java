package dev.ops.proxmox.error;

import java.util.Map;

/**
 * Proxmox refused parameters (HTTP 400, {@code {"errors": {"field": "msg"}}}); {@link #fieldErrors()}
 * names each field and what was wrong with it. Never retryable.
 */
public class ProxmoxInvalidParameterException extends ProxmoxApiException {

    public ProxmoxInvalidParameterException(int status, String method, String path, String serverMessage, Map<String, String> fieldErrors) {
        super(status, method, path, serverMessage, fieldErrors, false);
    }
}
