package dev.ops.sys.window;

import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.change.Plan;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A change that applies only inside a maintenance window; built by {@link MaintenanceWindow#guard}. */
final class WindowedChange<T> implements Change<T> {
    private final Change<T> inner;
    private final MaintenanceWindow window;
    private final Clock clock;

    WindowedChange(Change<T> inner, MaintenanceWindow window, Clock clock) {
        this.inner = inner;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public String description() {
        return inner.description() + " (only inside maintenance window " + window + ")";
    }

    /** The inner plan, with a note saying whether the window is open now, and when it next opens if not. */
    @Override
    public Plan plan() {
        Plan p = inner.plan();
        Instant now = clock.instant();
        List<String> notes = new ArrayList<>(p.notes());
        Optional<Window> current = window.current(now);
        if (current.isPresent()) {
            notes.add("inside maintenance window " + window + " until " + current.get().end());
        } else {
            notes.add("outside maintenance window " + window + "; apply will refuse until "
                    + window.next(now).map(w -> w.start().toString()).orElse("never"));
        }
        return Plan.of(p.change(), p.steps(), notes, p.createdAt());
    }

    /** Applies the inner change when the clock is inside the window; otherwise refuses before anything runs. */
    @Override
    public Applied<T> apply() {
        Instant now = clock.instant();
        if (!window.contains(now)) {
            throw new OutsideMaintenanceWindowException(inner.description(), window, now, window.next(now).orElse(null));
        }
        return inner.apply();
    }

    @Override
    public Applied<T> apply(Plan reviewed) {
        Instant now = clock.instant();
        if (!window.contains(now)) {
            throw new OutsideMaintenanceWindowException(inner.description(), window, now, window.next(now).orElse(null));
        }
        return inner.apply(reviewed);
    }

    @Override
    public String toString() {
        return "WindowedChange[" + description() + "]";
    }
}
