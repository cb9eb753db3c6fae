package dev.ops.srv.rollout;

import dev.ops.core.error.OpsException;

/** A rollout's health gate failed: the rollout was rolled back before this was thrown. */
public class GateFailedException extends OpsException {
    private final String gate;
    private final String reason;

    /** The gate {@code gate} failed, for {@code reason}. */
    public GateFailedException(String gate, String reason) {
        super("gate failed: " + gate + ": " + reason);
        this.gate = gate;
        this.reason = reason;
    }

    /** Why it failed. */
    public String reason() {
        return reason;
    }

    /** The gate, in words. */
    public String gate() {
        return gate;
    }
}
