package dev.ops.core.error;

/** Credentials were refused, or could not be loaded (missing key file, wrong passphrase). */
public class AuthenticationException extends OpsException {
    private final String target;

    public AuthenticationException(String target, String message, Throwable cause) {
        super(target + ": " + message, cause, false);
        this.target = target;
    }

    public String target() {
        return target;
    }
}
