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
import dev.ops.net.ipam.AddressTakenException;
import dev.ops.net.ipam.Allocation;
import dev.ops.net.ipam.NodeSubnet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A given address for an owner, taken at apply as a journaled step whose undo frees it. The plan
 * refuses an address in no subnet of the node, or one another owner holds (an
 * {@link AddressTakenException} naming it); an address the owner already holds plans nothing.
 */
public final class IpAssignChange extends StoreChange<Allocation, Allocation> {
    private final IpamEngine engine;
    private final String target;
    private final String node;
    private final String address;
    private final String owner;
    private final String claim = UUID.randomUUID().toString();

    public IpAssignChange(Ops ops, IpamEngine engine, String target, String node, String address, String owner) {
        super(ops);
        this.engine = engine;
        this.target = target;
        this.node = node;
        this.address = address;
        this.owner = owner;
    }

    @Override
    public String description() {
        return "assign " + address + " on " + node + " to " + owner;
    }

    @Override
    protected void validate(Violations v) {
        v.check(node != null && !node.isBlank(), "node", "must not be blank");
        v.check(address != null && IpAddress.tryParse(address).isPresent(), "address", "'" + address + "' is not an IP address");
        IpamEngine.checkOwner(v, owner);
    }

    @Override
    protected Planned<Allocation> planSteps() {
        IpAddress ip = IpAddress.parse(address);
        NodeSubnet subnet = engine.subnetOf(node, ip).orElseThrow(() -> new ValidationException("assignment",
                Violations.of("assignment").add("address", address + " is in no subnet of " + node).list()));
        if (subnet.gateway().map(ip::equals).orElse(false)) {
            throw new AddressTakenException(node, ip, "the gateway of " + subnet.cidr());
        }
        Optional<Allocation> now = engine.find(node, ip);
        if (now.isPresent()) {
            if (!now.get().owner().equals(owner)) {
                throw new AddressTakenException(node, ip, now.get().owner());
            }
            return Planned.none(now.get()).withNote(owner + " already holds " + ip + " on " + node);
        }
        Step step = Step.of("assign " + ip + " on " + node + " " + subnet.cidr() + " to " + owner,
                new IpAssignAction(target, node, ip.toString(), owner, claim),
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
        return engine.find(node, IpAddress.parse(address)).filter(a -> a.owner().equals(owner))
                .orElseThrow(() -> new OpsException(address + " was not assigned to " + owner + " on " + node));
    }
}
