package dev.ops.net.ipam.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.store.StateStore;
import dev.ops.net.IpAddress;
import dev.ops.net.ipam.NodeSubnet;
import java.util.Objects;

/**
 * Frees {@code address} in the document of {@code node}'s subnet {@code cidr} when {@code owner}
 * still holds it. It needs only the state store.
 */
public record IpReleaseAction(String node, String cidr, String address, String owner) implements Action {

    public IpReleaseAction {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(cidr, "cidr");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(owner, "owner");
    }

    @Override
    public String target() {
        return Targets.STATE_STORE;
    }

    @Override
    public String render() {
        return "release " + address + " of " + owner + " on " + node + " in the state store";
    }

    @Override
    public void execute(Targets targets) {
        StateStore store = targets.resolve(Targets.STATE_STORE, StateStore.class);
        IpamEngine.releaseHeld(store, NodeSubnet.of(node, cidr), IpAddress.parse(address), owner);
    }
}
