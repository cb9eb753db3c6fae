package dev.ops.core.error;

import java.util.Map;

/** An HTTP API answered with an error status; carries the status, method, path and per-field errors. */
public class ApiException extends OpsException {
    private final int status;
    private final String method;
    private final String path;
    private final Map<String, String> fieldErrors;

    public ApiException(int status, String method, String path, String message, Map<String, String> fieldErrors, boolean retryable) {
        this(status, method, path, message, fieldErrors, retryable, null);
    }

    public ApiException(int status, String method, String path, String message, Map<String, String> fieldErrors, boolean retryable,
            Throwable cause) {
        super(method + " " + path + " failed with HTTP " + status + ": " + message
                + (fieldErrors.isEmpty() ? "" : " " + fieldErrors), cause, retryable);
        this.status = status;
        this.method = method;
        this.path = path;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public int status() {
        return status;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** Errors the server attached to named parameters. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
