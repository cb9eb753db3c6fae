package dev.ops.testkit.pve;

import java.util.Map;

/**
 * A request the real Proxmox VE API would have refused because of its schema.
 *
 * @param method the HTTP method
 * @param path the request path below {@code /api2/json}
 * @param status the status the fake answered (400 or 501)
 * @param message the status message, e.g. {@code Parameter verification failed.}
 * @param errors parameter name to reason (empty for unknown paths and methods)
 */
public record SchemaViolation(String method, String path, int status, String message, Map<String, String> errors) {

    /** Copies the errors. */
    public SchemaViolation {
        errors = Map.copyOf(errors);
    }

    @Override
    public String toString() {
        return method + " " + path + " -> " + status + " " + message + (errors.isEmpty() ? "" : " " + errors);
    }
}
