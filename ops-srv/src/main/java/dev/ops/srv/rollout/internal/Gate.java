package dev.ops.srv.rollout.internal;

/** A health gate between two stages of a rollout: returns once passed, throws a {@code GateFailedException} otherwise. */
interface Gate {

    /** What the gate waits for, in words. */
    String describe();

    /** Waits until the gate passes; throws when it fails or its time is up. */
    void pass();
}
