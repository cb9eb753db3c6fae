package dev.ops.core.error;

import java.time.Duration;

/** An operation did not finish within its deadline; says what it was waiting for and the last state seen. */
public class OpsTimeoutException extends OpsException {
    private final Duration limit;
    private final String lastState;

    public OpsTimeoutException(String what, Duration limit, String lastState) {
        super(what + " did not finish within " + limit + (lastState.isEmpty() ? "" : " (last seen: " + lastState + ")"),
                null, true);
        this.limit = limit;
        this.lastState = lastState;
    }

    public Duration limit() {
        return limit;
    }

    public String lastState() {
        return lastState;
    }
}
