package dev.ops.proxmox.error;

import dev.ops.core.error.ConnectionException;

/**
 * The server's TLS certificate was not trusted: it does not match the pinned fingerprint, is not
 * signed by the configured CA, or does not name the host. Never retryable.
 */
public class ProxmoxCertificateException extends ConnectionException {

    public ProxmoxCertificateException(String target, String message, Throwable cause) {
        super(target, message, cause, false);
    }
}
