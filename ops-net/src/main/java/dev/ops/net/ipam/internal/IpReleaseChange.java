package dev.ops.net.ipam.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.StoreChange;
import dev.ops.core.error.Violations;
import dev.ops.net.IpAddress;
import dev.ops.net.ipam.Allocation;
import java.util.List;
import java.util.function.Supplier;

/**
 * Frees allocations (one address, or every address of an owner), each a journaled step whose undo
 * gives the address back to the same owner, pool and time. Yields the addresses freed; an address
 * nobody holds plans nothing.
 */
public final class IpReleaseChange extends StoreChange<List<IpAddress>, List<Allocation>> {
    private final String description;
    private final Supplier<List<Allocation>> held;

    public IpReleaseChange(Ops ops, String description, Supplier<List<Allocation>> held) {
        super(ops);
        this.description = description;
        this.held = held;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    protected void validate(Violations v) {}

    @Override
    protected Planned<List<Allocation>> planSteps() {
        List<Allocation> now = held.get();
        List<Step> steps = now.stream().map(a -> Step.of("release " + a.address() + " of " + a.owner() + " on " + a.node(),
                new IpReleaseAction(a.node(), a.subnet().toString(), a.address().toString(), a.owner()),
                IpRestoreAction.of(a))).toList();
        Planned<List<Allocation>> planned = Planned.of(steps, now);
        return now.isEmpty() ? planned.withNote("nothing to release") : planned;
    }

    @Override
    protected List<IpAddress> result(List<Allocation> released) {
        return released.stream().map(Allocation::address).toList();
    }
}
