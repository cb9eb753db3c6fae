package dev.ops.core.error;

/** An SSH server presented a host key that is unknown or does not match the expected one. */
public class HostKeyException extends OpsException {
    private final String host;
    private final String fingerprint;

    public HostKeyException(String host, String fingerprint, String message) {
        super(host + ": " + message + " (server key " + fingerprint + ")", null, false);
        this.host = host;
        this.fingerprint = fingerprint;
    }

    public String host() {
        return host;
    }

    /** The SHA256 fingerprint of the key the server presented, as OpenSSH prints it. */
    public String fingerprint() {
        return fingerprint;
    }
}
