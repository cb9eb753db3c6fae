package dev.ops.net.ipam;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.net.IpAddress;
import dev.ops.net.IpFamily;
import dev.ops.net.ipam.internal.IpAllocateChange;
import dev.ops.net.ipam.internal.IpAssignChange;
import dev.ops.net.ipam.internal.IpReleaseChange;
import dev.ops.net.ipam.internal.IpamEngine;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Hands out addresses from the node subnets of an {@link IpamConfig}, never the same one twice,
 * also across processes: each subnet's allocations are one document in the state store of
 * {@link Ops} ({@code net/ipam/NODE/SUBNET}) that every write replaces with compare-and-set.
 *
 * <p>Every allocation and release is a {@link Change}: planning reads only and names the address
 * that is free now; the address is taken at apply, as a journaled step whose undo frees it again,
 * so a rollback, or the recovery of a crashed apply, leaves no address behind.
 *
 * <pre>{@code
 * IpAllocator ipam = IpAllocator.on(IpamConfig.load(Path.of("ipam.yaml")), ops);
 * Applied<Allocation> a = ipam.allocate("node-02", Pool.VM, "vm/101").apply();   // 192.168.2.100
 * ipam.assign("node-02", "192.168.2.150", "vm/150").apply();                      // explicit
 * a.rollback();                                                                   // free again
 * }</pre>
 */
public final class IpAllocator {
    /** The key prefix of allocation documents. */
    public static final String PREFIX = IpamEngine.PREFIX;

    private final Ops ops;
    private final IpamEngine engine;
    private final String target;

    private IpAllocator(Ops ops, IpamEngine engine) {
        this.ops = Objects.requireNonNull(ops, "ops");
        this.engine = engine;
        this.target = "ipam@" + Integer.toHexString(System.identityHashCode(engine));
    }

    /** An allocator over {@code config}, keeping its allocations in {@code ops}'s state store. */
    public static IpAllocator on(IpamConfig config, Ops ops) {
        return new IpAllocator(ops, IpamEngine.create(ops.store(), Objects.requireNonNull(config, "config")));
    }

    /** The same allocator with another clock (for the allocation time stamps). */
    public IpAllocator withClock(Clock clock) {
        return new IpAllocator(ops, engine.withClock(clock));
    }

    /** The configuration. */
    public IpamConfig config() {
        return engine.config();
    }

    /** The next free address of {@code pool} in the node's IPv4 subnet (else its only one), for {@code owner}. */
    public Change<Allocation> allocate(String node, Pool pool, String owner) {
        return new IpAllocateChange(ops, engine, target, node, pool, null, owner);
    }

    /**
     * The lowest free address of {@code pool} in the node's subnet of {@code family}, for
     * {@code owner}. An owner that already holds an address of that pool gets the same one back,
     * and nothing is planned.
     */
    public Change<Allocation> allocate(String node, Pool pool, IpFamily family, String owner) {
        return new IpAllocateChange(ops, engine, target, node, pool, Objects.requireNonNull(family, "family"), owner);
    }

    /** Gives {@code address} to {@code owner}; the plan fails with an {@link AddressTakenException} when someone else holds it. */
    public Change<Allocation> assign(String node, String address, String owner) {
        return new IpAssignChange(ops, engine, target, node, address, owner);
    }

    /** Frees {@code address}; yields it, or nothing when it was not allocated. The undo gives it back to its owner. */
    public Change<List<IpAddress>> release(String node, IpAddress address) {
        Objects.requireNonNull(address, "address");
        return new IpReleaseChange(ops, "release " + address + " on " + node, () -> get(node, address).stream().toList());
    }

    /** Frees every address {@code owner} holds on {@code node}; yields them. */
    public Change<List<IpAddress>> releaseOwner(String node, String owner) {
        return new IpReleaseChange(ops, "release every address of " + owner + " on " + node,
                () -> list(node).stream().filter(a -> a.owner().equals(owner)).toList());
    }

    /** Every allocation on {@code node}, by address; a not-found error when the node has no subnet. */
    public List<Allocation> list(String node) {
        return engine.allocations(node);
    }

    /** The allocation of {@code address} on {@code node}, if any. */
    public Optional<Allocation> get(String node, IpAddress address) {
        return engine.find(node, address);
    }

    /** The address {@link #allocate(String, Pool, IpFamily, String)} would take now, if one is free; reads only. */
    public Optional<IpAddress> nextFree(String node, Pool pool, IpFamily family) {
        return engine.nextFree(node, pool, family);
    }
}
