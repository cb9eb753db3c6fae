package dev.ops.sys.pkg;

import dev.ops.core.error.NotFoundException;
import java.util.List;

/** Packages (or package versions) that no configured source and no dpkg record knows. Not retryable. */
public class UnknownPackageException extends NotFoundException {
    private final List<String> packages;

    public UnknownPackageException(String host, List<String> packages, String detail) {
        super("packages " + String.join(", ", packages), "unknown on " + host + (detail.isEmpty() ? "" : ": " + detail));
        this.packages = List.copyOf(packages);
    }

    /** The names (or {@code name=version}) apt could not find. */
    public List<String> packages() {
        return packages;
    }
}
