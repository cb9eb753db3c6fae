package dev.ops.pve.guest.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestConfig;
import java.util.List;
import java.util.Map;

/** Converts a guest to a template. Cannot be undone; no steps when it is one already. */
final class TemplateChange extends GuestChange<GuestConfig, Void> {

    TemplateChange(Ops ops, PveClient client, Guest guest) {
        super(ops, client, guest);
    }

    @Override
    protected String what() {
        return "convert " + guest + " to a template";
    }

    @Override
    protected Planned<Void> planSteps() {
        if (config().template()) {
            return Planned.none(null);
        }
        return Planned.of(List.of(Step.irreversible("convert " + guest + " to a template", task("POST", template("/template"), params(Map.of())))));
    }

    @Override
    protected GuestConfig result(Void none) {
        return config();
    }
}
