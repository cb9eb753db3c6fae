package dev.ops.core.error;

/** Something named by the caller does not exist: a user, a VM, a file, a key. */
public class NotFoundException extends OpsException {
    private final String resource;

    public NotFoundException(String resource, String message) {
        super(resource + ": " + message, null, false);
        this.resource = resource;
    }

    public String resource() {
        return resource;
    }
}
