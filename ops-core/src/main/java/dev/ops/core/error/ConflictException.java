package dev.ops.core.error;

/** The target is busy or taken: a lock, a lost compare-and-set, an address already allocated. */
public class ConflictException extends OpsException {
    private final String resource;

    public ConflictException(String resource, String message, boolean retryable) {
        super(resource + ": " + message, null, retryable);
        this.resource = resource;
    }

    public ConflictException(String resource, String message, boolean retryable, Throwable cause) {
        super(resource + ": " + message, cause, retryable);
        this.resource = resource;
    }

    /** What was contended, e.g. {@code vm/101} or {@code ip/node-02/192.168.2.100}. */
    public String resource() {
        return resource;
    }
}
