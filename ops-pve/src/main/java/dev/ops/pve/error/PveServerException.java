package dev.ops.pve.error;

import java.util.Map;

/**
 * Proxmox failed on its side (5xx, including 595/596 between nodes) for a reason not more precisely
 * classified, or sent something that is not a Proxmox API answer (an HTML error page). Retryable
 * for reads only.
 */
public class PveServerException extends PveApiException {

    public PveServerException(int status, String method, String path, String serverMessage, boolean retryable) {
        super(status, method, path, serverMessage, Map.of(), retryable);
    }
}
