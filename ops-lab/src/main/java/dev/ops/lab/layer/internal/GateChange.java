package dev.ops.lab.layer.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.Action;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.host.Host;
import java.util.List;

/**
 * A layer's gate on one host: a check that changes nothing (so there is nothing to undo) and whose
 * failure fails the layer, which then rolls back everything before it.
 */
public final class GateChange extends AbstractChange<String, Void> {
    private final Host host;
    private final String description;
    private final Action check;

    public GateChange(Ops ops, Host host, String description, Action check) {
        super(ops);
        this.host = host;
        this.description = description;
        this.check = check;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    protected Planned<Void> planSteps() {
        return Planned.of(List.of(Step.irreversible(description, check)), null);
    }

    @Override
    protected Targets targets() {
        return Targets.of(host);
    }

    @Override
    protected String result(Void none) {
        return host.name();
    }
}
