package dev.ops.sys.identity;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import java.util.List;

/** A host name that is not a valid RFC 1123 name the kernel accepts (at most 64 characters). Not retryable. */
public class InvalidHostnameException extends ValidationException {
    private final String hostname;

    public InvalidHostnameException(String hostname, List<Violation> violations) {
        super("hostname '" + hostname + "'", violations);
        this.hostname = hostname;
    }

    /** The refused name. */
    public String hostname() {
        return hostname;
    }
}
