package dev.ops.sys.window;

import dev.ops.core.error.OpsException;
import java.time.Instant;
import java.util.Optional;

/** A change guarded by a maintenance window was applied outside it; nothing ran. Retryable once the window opens. */
public class OutsideMaintenanceWindowException extends OpsException {
    private final Instant now;
    private final Window next;

    public OutsideMaintenanceWindowException(String change, MaintenanceWindow window, Instant now, Window next) {
        super("'" + change + "' applies only inside maintenance window " + window + "; it is " + now
                + (next == null ? " and the window never opens" : ", the next window opens at " + next.start()), null, true);
        this.now = now;
        this.next = next;
    }

    /** When the apply was refused. */
    public Instant now() {
        return now;
    }

    /** The next occurrence of the window. */
    public Optional<Window> nextWindow() {
        return Optional.ofNullable(next);
    }
}
