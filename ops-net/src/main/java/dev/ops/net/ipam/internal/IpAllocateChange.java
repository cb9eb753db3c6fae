package dev.ops.net.ipam.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.change.internal.StoreChange;
import dev.ops.core.error.OpsException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violations;
import dev.ops.net.IpAddress;
import dev.ops.net.IpFamily;
import dev.ops.net.ipam.AddressExhaustedException;
import dev.ops.net.ipam.Allocation;
import dev.ops.net.ipam.IpRange;
import dev.ops.net.ipam.NodeSubnet;
import dev.ops.net.ipam.Pool;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The next free address of a pool for an owner, taken at apply as a journaled step whose undo frees
 * it; an owner that already holds one of the pool gets it back and nothing is planned. The plan
 * names the address that is free now, which another allocator may still take first.
 */
public final class IpAllocateChange extends StoreChange<Allocation, Allocation> {
    private final IpamEngine engine;
    private final String target;
    private final String node;
    private final Pool pool;
    private final IpFamily family;
    private final String owner;
    private final String claim = UUID.randomUUID().toString();

    public IpAllocateChange(Ops ops, IpamEngine engine, String target, String node, Pool pool, IpFamily family, String owner) {
        super(ops);
        this.engine = engine;
        this.target = target;
        this.node = node;
        this.pool = pool;
        this.family = family;
        this.owner = owner;
    }

    @Override
    public String description() {
        return "allocate a " + pool.configName() + " address on " + node + " to " + owner;
    }

    @Override
    protected void validate(Violations v) {
        v.check(node != null && !node.isBlank(), "node", "must not be blank");
        v.check(pool != null, "pool", "must be given");
        IpamEngine.checkOwner(v, owner);
    }

    @Override
    protected Planned<Allocation> planSteps() {
        NodeSubnet subnet = family == null ? engine.subnetOf(node, engine.defaultFamily(node)) : engine.subnetOf(node, family);
        IpRange range = subnet.range(pool).orElseThrow(() -> new ValidationException("allocation", Violations.of("allocation")
                .add("pool", node + " " + subnet.cidr() + " has no " + pool.configName() + " range").list()));
        Optional<Allocation> held = held(subnet);
        if (held.isPresent()) {
            return Planned.none(held.get()).withNote(owner + " already holds " + held.get().address() + " on " + node);
        }
        IpAddress free = engine.nextFree(node, pool, subnet.family())
                .orElseThrow(() -> new AddressExhaustedException(node, pool, range));
        Step step = Step.of("allocate the next free " + pool.configName() + " address of " + node + " " + subnet.cidr() + " to " + owner
                        + " (taken at apply; " + free + " is free now)",
                new IpAllocateAction(target, node, pool, subnet.family(), owner, claim),
                new IpReleaseClaimAction(node, subnet.cidr().toString(), claim));
        return Planned.of(List.of(step), null);
    }

    @Override
    protected Targets targets() {
        return super.targets().with(target, engine);
    }

    @Override
    protected Allocation result(Allocation alreadyHeld) {
        if (alreadyHeld != null) {
            return alreadyHeld;
        }
        NodeSubnet subnet = family == null ? engine.subnetOf(node, engine.defaultFamily(node)) : engine.subnetOf(node, family);
        return held(subnet).orElseThrow(() -> new OpsException("no address of " + pool.configName() + " was allocated to " + owner + " on " + node));
    }

    private Optional<Allocation> held(NodeSubnet subnet) {
        return engine.allocations(node).stream()
                .filter(a -> a.owner().equals(owner) && a.pool().equals(Optional.of(pool)) && a.subnet().equals(subnet.cidr()))
                .findFirst();
    }
}
