package dev.ops.net.ipam.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import java.util.Objects;

/**
 * Assigns {@code address} on {@code node} to {@code owner}, marked with {@code claim}; refused when
 * someone else holds it.
 *
 * @param target the name of the allocating {@link IpamEngine} in {@link Targets}
 */
public record IpAssignAction(String target, String node, String address, String owner, String claim) implements Action {

    public IpAssignAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(claim, "claim");
    }

    @Override
    public String render() {
        return "assign " + address + " on " + node + " to " + owner + " in the state store (compare-and-set)";
    }

    @Override
    public void execute(Targets targets) {
        targets.resolve(target, IpamEngine.class).assign(node, address, owner, claim);
    }
}
