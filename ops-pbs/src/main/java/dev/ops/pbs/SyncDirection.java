package dev.ops.pbs;

import dev.ops.core.error.Violations;
import java.util.Locale;

/** Which way a sync job moves snapshots ({@code sync-direction}): into this server, or out of it to a remote. */
public enum SyncDirection {
    /** From the remote (or another local datastore) into this server's datastore: PBS's default. */
    PULL,
    /** From this server's datastore to the remote's (PBS 3.3 and later; needs a remote). */
    PUSH;

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** The wire name: {@code pull} or {@code push}. */
    public String wire() {
        return wire;
    }

    /** The direction of a wire name (pull when absent, as PBS reads it); any other is refused naming {@code sync-direction}. */
    public static SyncDirection parse(String wire) {
        if (wire == null || wire.isEmpty() || wire.equals("pull")) {
            return PULL;
        }
        if (wire.equals("push")) {
            return PUSH;
        }
        Violations.of("sync job").add("sync-direction", "'" + wire + "' is not pull or push").throwIfAny();
        throw new IllegalStateException("unreachable");
    }
}
