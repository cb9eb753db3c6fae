package dev.ops.net.naming.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.change.internal.StoreChange;
import dev.ops.core.error.OpsException;
import dev.ops.core.error.Violations;
import dev.ops.net.naming.NamingConvention;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The next name of a convention for a node and type, taken at apply as a journaled step whose undo
 * gives it back. The plan names the one that is next now; another allocator may take it first.
 */
public final class NameChange extends StoreChange<String, Void> {
    private final NameSequences sequences;
    private final NamingConvention convention;
    private final String target;
    private final String node;
    private final String type;
    private final Collection<String> existing;
    private final String claim = UUID.randomUUID().toString();

    public NameChange(Ops ops, NameSequences sequences, NamingConvention convention, String target, String node, String type,
            Collection<String> existing) {
        super(ops);
        this.sequences = sequences;
        this.convention = convention;
        this.target = target;
        this.node = node;
        this.type = type;
        this.existing = List.copyOf(existing);
    }

    @Override
    public String description() {
        return "take the next " + type + " name on " + node;
    }

    @Override
    protected void validate(Violations v) {
        v.check(node != null && !node.isBlank(), "node", "must not be blank");
        v.check(type != null && !type.isBlank(), "type", "must not be blank");
    }

    @Override
    protected Planned<Void> planSteps() {
        convention.format(node, type, 0);
        int floor = convention.nextSequence(node, type, existing);
        String next = convention.format(node, type, sequences.peek(node, type, floor));
        return Planned.of(List.of(Step.of("take the next " + type + " name on " + node + " (taken at apply; " + next + " is next now)",
                new NameTakeAction(target, node, type, floor, claim), new NameGiveBackAction(claim))), null);
    }

    @Override
    protected Targets targets() {
        return super.targets().with(target, sequences);
    }

    @Override
    protected String result(Void none) {
        return sequences.claimed(node, type, claim).orElseThrow(() -> new OpsException("no " + type + " name was taken on " + node));
    }
}
