package dev.ops.testkit.pve.internal;

import java.util.Map;

/** An error answer in PVE's shape: the status, its message (sent as the HTTP reason) and per-field errors. */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, String> errors;

    /** An error without per-field details. */
    public ApiError(int status, String message) {
        this(status, message, Map.of());
    }

    /** An error with per-field details. */
    public ApiError(int status, String message, Map<String, String> errors) {
        super(message, null, false, false);
        this.status = status;
        this.errors = Map.copyOf(errors);
    }

    /** 500 with a message, the way a PVE handler's {@code die} answers. */
    public static ApiError die(String message) {
        return new ApiError(500, message);
    }

    /** 400 "Parameter verification failed." naming one parameter. */
    public static ApiError param(String name, String reason) {
        return new ApiError(400, "Parameter verification failed.", Map.of(name, reason));
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** Parameter name to reason. */
    public Map<String, String> errors() {
        return errors;
    }
}
