package dev.ops.pve.guest.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.ConflictException;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestStatus;
import java.util.List;
import java.util.Map;

/** Starts, stops, shuts down, reboots, suspends or resumes a guest; each undone by its opposite (a reboot cannot be). */
final class PowerChange extends GuestChange<GuestStatus, Void> {
    enum Power {
        START("start", "start", "stop"),
        STOP("stop", "stop", "start"),
        SHUTDOWN("shut down", "shutdown", "start"),
        REBOOT("reboot", "reboot", null),
        SUSPEND("suspend", "suspend", "resume"),
        RESUME("resume", "resume", "suspend");

        final String verb;
        final String call;
        final String undo;

        Power(String verb, String call, String undo) {
            this.verb = verb;
            this.call = call;
            this.undo = undo;
        }
    }

    private final Power power;
    private final Map<String, Object> options;

    PowerChange(Ops ops, PveClient client, Guest guest, Power power) {
        this(ops, client, guest, power, Map.of());
    }

    /** A power change sending {@code options} with its call (a shutdown's timeout and forceStop). */
    PowerChange(Ops ops, PveClient client, Guest guest, Power power, Map<String, Object> options) {
        super(ops, client, guest);
        this.power = power;
        this.options = Map.copyOf(options);
    }

    @Override
    protected String what() {
        return power.verb + " " + guest;
    }

    @Override
    protected Planned<Void> planSteps() {
        GuestStatus s = status();
        boolean needed = switch (power) {
            case START -> !s.running();
            case STOP, SHUTDOWN -> s.running();
            case REBOOT -> {
                if (!s.running()) {
                    throw new ConflictException(guest.toString(), "is not running, so it cannot be rebooted", false);
                }
                yield true;
            }
            case SUSPEND -> s.running() && !s.suspended();
            case RESUME -> s.suspended();
        };
        if (!needed) {
            return Planned.none(null);
        }
        String description = power.verb + " " + guest;
        Step step = power.undo == null ? Step.irreversible(description, power(guest, power.call, options))
                : Step.of(description, power(guest, power.call, options), power(guest, power.undo));
        return Planned.of(List.of(step));
    }

    @Override
    protected GuestStatus result(Void none) {
        return status();
    }
}
