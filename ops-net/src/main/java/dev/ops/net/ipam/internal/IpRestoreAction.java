package dev.ops.net.ipam.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.error.ConflictException;
import dev.ops.core.store.StateStore;
import dev.ops.net.Cidr;
import dev.ops.net.IpAddress;
import dev.ops.net.ipam.Allocation;
import dev.ops.net.ipam.Pool;
import java.time.Instant;
import java.util.Objects;

/**
 * Puts a released allocation back as it was (owner, pool, time): the undo of
 * {@link IpReleaseAction}. Fails with a conflict when someone else took the address meanwhile.
 *
 * @param pool the pool's name, or null for an assignment outside the pools
 */
public record IpRestoreAction(String node, String cidr, String address, String owner, String pool, String at) implements Action {

    public IpRestoreAction {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(cidr, "cidr");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(at, "at");
    }

    /** The action that restores {@code a}. */
    public static IpRestoreAction of(Allocation a) {
        return new IpRestoreAction(a.node(), a.subnet().toString(), a.address().toString(), a.owner(),
                a.pool().map(Pool::name).orElse(null), a.at().toString());
    }

    @Override
    public String target() {
        return Targets.STATE_STORE;
    }

    @Override
    public String render() {
        return "give " + address + " on " + node + " back to " + owner + " in the state store";
    }

    @Override
    public void execute(Targets targets) {
        Allocation.Builder b = Allocation.builder().node(node).subnet(Cidr.parse(cidr)).address(IpAddress.parse(address))
                .owner(owner).at(Instant.parse(at));
        if (pool != null) {
            b.pool(Pool.valueOf(pool));
        }
        if (!IpamEngine.restore(targets.resolve(Targets.STATE_STORE, StateStore.class), b.build())) {
            throw new ConflictException("net/ipam/" + node + "/" + address, "was taken by another owner since it was released", false);
        }
    }
}
